using Headroom.Text;

namespace Headroom.Shell.Invocations;

/// <summary>A package operand of an install or remove command, split into name and version where it is one.</summary>
public sealed class PackageOperand
{
    private static readonly string[] ArchiveSuffixes = [".whl", ".tar.gz", ".tgz", ".tar.bz2", ".zip", ".deb", ".apk", ".conda", ".rpm"];

    private PackageOperand(ShellWord word, PackageOperandKind kind, string? name, string? version)
    {
        Word = word;
        Kind = kind;
        Name = name;
        Version = version;
    }

    public ShellWord Word { get; }

    public PackageOperandKind Kind { get; }

    /// <summary>The package name as written (<c>torch</c> in <c>torch==${V}</c>), or null when unknown.</summary>
    public string? Name { get; }

    /// <summary>
    /// What follows the name, as written after quote removal: <c>==2.3.1</c>, <c>&lt;2</c>, <c>=7.88.1-10</c>, <c>@^18</c>;
    /// null when there is none or it holds an expansion.
    /// </summary>
    public string? Version { get; }

    public bool IsDynamic => Word.IsDynamic;

    public TextSpan Span => Word.Span;

    /// <summary>The name normalised as PEP 503 does (lower case, runs of <c>-_.</c> as one <c>-</c>); for pip operands.</summary>
    public string? NormalizedName => Name is null ? null : NormalizeName(Name);

    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (chars.Length == 0 || chars[^1] != '-')
                {
                    chars.Append('-');
                }
            }
            else
            {
                chars.Append(char.ToLowerInvariant(c));
            }
        }

        return chars.ToString();
    }

    public override string ToString() => Word.RawText;

    internal static PackageOperand Parse(ShellWord word, PackageSyntax syntax)
    {
        string text = word.LiteralPrefix;
        if (text.Length == 0)
        {
            return new PackageOperand(word, PackageOperandKind.Dynamic, null, null);
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("git+", StringComparison.Ordinal) || text.StartsWith("git@", StringComparison.Ordinal))
        {
            return Url(word, text, syntax);
        }

        if (!word.IsDynamic && ArchiveSuffixes.Any(s => text.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            string file = ShellNames.BaseName(text);
            int cut = file.IndexOfAny(syntax == PackageSyntax.Apt ? ['_'] : ['-']);
            return new PackageOperand(word, PackageOperandKind.Archive, cut > 0 ? file[..cut] : null, null);
        }

        if (IsLocalPath(text, syntax))
        {
            return new PackageOperand(word, PackageOperandKind.LocalPath, null, null);
        }

        int start = 0;
        if (syntax == PackageSyntax.Conda && text.IndexOf("::", StringComparison.Ordinal) is > 0 and int channelEnd)
        {
            start = channelEnd + 2;
        }

        int end = NameEnd(text, start, syntax);
        if (end == start)
        {
            return new PackageOperand(word, word.IsDynamic ? PackageOperandKind.Dynamic : PackageOperandKind.Other, null, null);
        }

        if (word.IsDynamic && end == text.Length)
        {
            // "torch$SUFFIX": the name itself goes on in the expansion.
            return new PackageOperand(word, PackageOperandKind.Dynamic, null, null);
        }

        string name = text[start..end];
        string? version = word.IsDynamic ? null : VersionPart(text, end, syntax);
        return new PackageOperand(word, PackageOperandKind.Name, name, version);
    }

    private static PackageOperand Url(ShellWord word, string text, PackageSyntax syntax)
    {
        // PEP 508 direct reference: "name @ https://...".
        int at = text.IndexOf(" @ ", StringComparison.Ordinal);
        string? name = syntax == PackageSyntax.Pip && at > 0 ? text[..at].Trim() : null;
        return new PackageOperand(word, PackageOperandKind.Url, name, null);
    }

    private static bool IsLocalPath(string text, PackageSyntax syntax)
    {
        if (text[0] is '.' or '/' or '~' || text.StartsWith("file:", StringComparison.Ordinal))
        {
            return true;
        }

        return syntax switch
        {
            PackageSyntax.Pip => text.Contains('/', StringComparison.Ordinal) && !text.Contains(" @ ", StringComparison.Ordinal),
            PackageSyntax.Npm => text.Contains('/', StringComparison.Ordinal) && text[0] != '@',
            _ => false,
        };
    }

    private static int NameEnd(string text, int start, PackageSyntax syntax)
    {
        int i = start;
        if (syntax == PackageSyntax.Npm && i < text.Length && text[i] == '@')
        {
            int slash = text.IndexOf('/', i);
            i = slash > i ? slash + 1 : i;
        }

        while (i < text.Length && IsNameChar(text[i], syntax))
        {
            i++;
        }

        return i;
    }

    private static bool IsNameChar(char c, PackageSyntax syntax) => char.IsAsciiLetterOrDigit(c) || c switch
    {
        '-' or '_' or '.' => true,
        '+' => syntax is PackageSyntax.Apt or PackageSyntax.Apk,
        ':' => syntax == PackageSyntax.Apt, // libc6:amd64
        _ => false,
    };

    private static string? VersionPart(string text, int end, PackageSyntax syntax)
    {
        int i = end;
        if (syntax == PackageSyntax.Pip && i < text.Length && text[i] == '[')
        {
            int close = text.IndexOf(']', i);
            i = close < 0 ? text.Length : close + 1;
        }

        string rest = text[i..];
        if (syntax == PackageSyntax.Pip)
        {
            int marker = rest.IndexOf(';', StringComparison.Ordinal);
            rest = marker >= 0 ? rest[..marker] : rest;
        }

        rest = rest.Trim();
        return rest.Length == 0 ? null : rest;
    }
}
