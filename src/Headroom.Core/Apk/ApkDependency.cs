namespace Headroom.Apk;

/// <summary>
/// One entry of an <c>APKINDEX</c> <c>D:</c> field (or an <c>apk add</c> operand): a name
/// (<c>curl</c>, <c>so:libc.musl-x86_64.so.1</c>, <c>cmd:sh</c>, <c>/bin/sh</c>) with an optional version
/// constraint (<c>&gt;=1.2</c>, <c>=3.0.3-r1</c>, <c>~3.1</c>), or a conflict (<c>!name</c>).
/// </summary>
/// <param name="Name">The name without the constraint.</param>
/// <param name="Constraint">The operator and version (<c>&gt;=1.41</c>), or null.</param>
/// <param name="Conflict">True for <c>!name</c>: the package must not be installed (nothing to install).</param>
public sealed record ApkDependency(string Name, string? Constraint, bool Conflict)
{
    private static readonly char[] Operators = ['<', '>', '=', '~'];

    /// <summary>Parses one word of a <c>D:</c> field or an <c>apk add</c> operand.</summary>
    public static ApkDependency Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        bool conflict = word.StartsWith('!');
        string rest = conflict ? word[1..] : word;
        int at = rest.IndexOfAny(Operators);
        return at <= 0
            ? new ApkDependency(rest, null, conflict)
            : new ApkDependency(rest[..at], rest[at..], conflict);
    }

    public override string ToString() => (Conflict ? "!" : string.Empty) + Name + Constraint;
}
