namespace Headroom.Rules;

/// <summary>
/// The edits of a fix in one file (path relative to the checked root, with <c>/</c>). When
/// <see cref="CreatesFile"/> is true the file does not exist yet and <see cref="Edits"/> holds one
/// insertion at offset 0 with its whole content.
/// </summary>
public sealed record FileEdit(string Path, IReadOnlyList<TextEdit> Edits, bool CreatesFile = false);
