namespace Headroom.Diff;

/// <summary>
/// The bytes of one category (<c>cuda</c>, <c>pip-cache</c>, <c>apt-lists</c>, ... as <c>headroom image</c> names them)
/// before and after. A prediction's <c>cuda</c> is its CUDA stack (the CUDA torch build, <c>nvidia-*</c> wheels,
/// triton), <c>pip-cache</c> its pip or uv cache, <c>apt-lists</c> the kept package lists.
/// </summary>
public sealed record CategoryChange(string Name, long Before, long After)
{
    /// <summary><c>After - Before</c>.</summary>
    public long Delta => After - Before;
}
