namespace Headroom.Dockerfiles;

public enum TriviaKind
{
    /// <summary>A byte order mark at the start of the file.</summary>
    ByteOrderMark,

    /// <summary>An empty or whitespace-only line outside an instruction.</summary>
    BlankLine,

    /// <summary>A comment line outside an instruction.</summary>
    Comment,

    /// <summary>A parser directive line (<c># syntax=...</c>) in the leading comment block.</summary>
    Directive,

    /// <summary>A <c>#!</c> line at the very start of the file.</summary>
    Shebang,
}
