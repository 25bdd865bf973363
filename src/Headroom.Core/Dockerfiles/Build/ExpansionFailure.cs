using Headroom.Dockerfiles.Expansion;

namespace Headroom.Dockerfiles.Build;

/// <summary>A word of an instruction that could not be expanded, and why.</summary>
public sealed record ExpansionFailure(string Word, ExpansionError Error)
{
    /// <summary>BuildKit's wording: <c>failed to process "word": reason</c>.</summary>
    public string Message => $"failed to process \"{Word}\": {Error.Message}";
}
