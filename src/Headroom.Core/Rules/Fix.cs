namespace Headroom.Rules;

/// <summary>
/// An autofix: text edits, never a rewrite, so every byte outside them stays as it was (comments,
/// CRLF, BOM, indentation, continuation style). <see cref="Description"/> says what it does in one line.
/// </summary>
public sealed record Fix(string Description, IReadOnlyList<FileEdit> Files)
{
    public static Fix InFile(string description, string path, params TextEdit[] edits) =>
        new(description, [new FileEdit(path, edits)]);
}
