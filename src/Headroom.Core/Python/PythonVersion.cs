using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Headroom.Python;

/// <summary>
/// A PEP 440 version: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, with every spelling the
/// specification accepts (alternate pre-release names, implicit post releases such as <c>1.0-1</c>,
/// separators, a leading <c>v</c>, case) and its exact ordering.
/// Equality follows the ordering: <c>1.0 == 1.0.0</c>, <c>1.0c1 == 1.0rc1</c>.
/// </summary>
public sealed partial class PythonVersion : IComparable<PythonVersion>, IEquatable<PythonVersion>
{
    private readonly long[] _release;
    private readonly string[] _local;

    private PythonVersion(long epoch, long[] release, PreReleaseKind? preKind, long preNumber, long? post, long? dev, string[] local)
    {
        Epoch = epoch;
        _release = release;
        PreKind = preKind;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        _local = local;
    }

    public long Epoch { get; }

    /// <summary>The release segments as written (trailing zeros kept: <c>1.0</c> has two).</summary>
    public IReadOnlyList<long> Release => _release;

    /// <summary>The pre-release phase, or null for none.</summary>
    public PreReleaseKind? PreKind { get; }

    /// <summary>The pre-release number (0 when there is no pre-release or it was left out: <c>1.0a</c>).</summary>
    public long PreNumber { get; }

    public long? Post { get; }

    public long? Dev { get; }

    /// <summary>The local label's segments, lower case, numbers without leading zeros; empty when none.</summary>
    public IReadOnlyList<string> LocalSegments => _local;

    /// <summary>The local label (<c>cpu</c> for <c>2.3.1+cpu</c>), or null.</summary>
    public string? Local => _local.Length == 0 ? null : string.Join('.', _local);

    public int Major => _release.Length > 0 ? (int)Math.Min(_release[0], int.MaxValue) : 0;

    public int Minor => _release.Length > 1 ? (int)Math.Min(_release[1], int.MaxValue) : 0;

    public int Micro => _release.Length > 2 ? (int)Math.Min(_release[2], int.MaxValue) : 0;

    /// <summary>A pre-release or a development release (PEP 440's definition, used by specifiers).</summary>
    public bool IsPreRelease => PreKind is not null || Dev is not null;

    public bool IsPostRelease => Post is not null;

    public bool IsDevRelease => Dev is not null;

    public bool HasLocal => _local.Length > 0;

    /// <summary>This version without its local label.</summary>
    public PythonVersion Public => _local.Length == 0 ? this : new PythonVersion(Epoch, _release, PreKind, PreNumber, Post, Dev, []);

    /// <summary>Epoch and release only (<c>1!2.0</c> for <c>1!2.0rc1.post2+x</c>).</summary>
    public PythonVersion BaseVersion =>
        PreKind is null && Post is null && Dev is null && _local.Length == 0
            ? this
            : new PythonVersion(Epoch, _release, null, 0, null, null, []);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PythonVersion? version)
    {
        version = null;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim();
        foreach (char c in trimmed)
        {
            if (c > 0x7f)
            {
                return false;
            }
        }

        Match m = VersionPattern().Match(trimmed.ToLowerInvariant());
        if (!m.Success)
        {
            return false;
        }

        long epoch = 0;
        if (m.Groups["epoch"].Success && !TryNumber(m.Groups["epoch"].Value, out epoch))
        {
            return false;
        }

        string[] releaseParts = m.Groups["release"].Value.Split('.');
        long[] release = new long[releaseParts.Length];
        for (int i = 0; i < releaseParts.Length; i++)
        {
            if (!TryNumber(releaseParts[i], out release[i]))
            {
                return false;
            }
        }

        PreReleaseKind? preKind = null;
        long preNumber = 0;
        if (m.Groups["pre_l"].Success)
        {
            preKind = m.Groups["pre_l"].Value switch
            {
                "a" or "alpha" => PreReleaseKind.Alpha,
                "b" or "beta" => PreReleaseKind.Beta,
                _ => PreReleaseKind.ReleaseCandidate,
            };
            if (m.Groups["pre_n"].Success && !TryNumber(m.Groups["pre_n"].Value, out preNumber))
            {
                return false;
            }
        }

        long? post = null;
        if (m.Groups["post_n1"].Success)
        {
            if (!TryNumber(m.Groups["post_n1"].Value, out long n))
            {
                return false;
            }

            post = n;
        }
        else if (m.Groups["post_l"].Success)
        {
            long n = 0;
            if (m.Groups["post_n2"].Success && !TryNumber(m.Groups["post_n2"].Value, out n))
            {
                return false;
            }

            post = n;
        }

        long? dev = null;
        if (m.Groups["dev_l"].Success)
        {
            long n = 0;
            if (m.Groups["dev_n"].Success && !TryNumber(m.Groups["dev_n"].Value, out n))
            {
                return false;
            }

            dev = n;
        }

        string[] local = [];
        if (m.Groups["local"].Success)
        {
            local = m.Groups["local"].Value.Split(['.', '-', '_']);
            for (int i = 0; i < local.Length; i++)
            {
                if (IsNumeric(local[i]))
                {
                    local[i] = TrimLeadingZeros(local[i]);
                }
            }
        }

        version = new PythonVersion(epoch, release, preKind, preNumber, post, dev, local);
        return true;
    }

    /// <summary>Parses a version the caller knows to be valid (a literal); bad input throws <see cref="FormatException"/>.</summary>
    public static PythonVersion Parse(string text) =>
        TryParse(text, out PythonVersion? v) ? v : throw new FormatException($"Invalid PEP 440 version: '{text}'");

    /// <summary>The normalized form: <c>1.0.post0</c> for <c>1.0-post</c>, <c>1.0rc1</c> for <c>1.0.C1</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Epoch != 0)
        {
            sb.Append(Epoch).Append('!');
        }

        sb.AppendJoin('.', _release);
        if (PreKind is { } kind)
        {
            sb.Append(kind switch
            {
                PreReleaseKind.Alpha => "a",
                PreReleaseKind.Beta => "b",
                _ => "rc",
            }).Append(PreNumber);
        }

        if (Post is { } post)
        {
            sb.Append(".post").Append(post);
        }

        if (Dev is { } dev)
        {
            sb.Append(".dev").Append(dev);
        }

        if (_local.Length > 0)
        {
            sb.Append('+').AppendJoin('.', _local);
        }

        return sb.ToString();
    }

    public int CompareTo(PythonVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return c;
        }

        c = CompareRelease(_release, other._release);
        if (c != 0)
        {
            return c;
        }

        c = PreRank().CompareTo(other.PreRank());
        if (c != 0)
        {
            return c;
        }

        if (PreKind is not null && other.PreKind is not null)
        {
            c = PreNumber.CompareTo(other.PreNumber);
            if (c != 0)
            {
                return c;
            }
        }

        // No post release sorts before any post release.
        c = (Post ?? -1).CompareTo(other.Post ?? -1);
        if (c != 0)
        {
            return c;
        }

        // No dev release sorts after any dev release.
        if (Dev is null != other.Dev is null)
        {
            return Dev is null ? 1 : -1;
        }

        c = (Dev ?? 0).CompareTo(other.Dev ?? 0);
        if (c != 0)
        {
            return c;
        }

        return CompareLocal(_local, other._local);
    }

    public bool Equals(PythonVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as PythonVersion);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Epoch);
        int length = _release.Length;
        while (length > 0 && _release[length - 1] == 0)
        {
            length--;
        }

        for (int i = 0; i < length; i++)
        {
            hash.Add(_release[i]);
        }

        hash.Add(PreKind);
        hash.Add(PreKind is null ? 0 : PreNumber);
        hash.Add(Post);
        hash.Add(Dev);
        foreach (string segment in _local)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(PythonVersion? left, PythonVersion? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PythonVersion? left, PythonVersion? right) => !(left == right);

    public static bool operator <(PythonVersion? left, PythonVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(PythonVersion? left, PythonVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(PythonVersion? left, PythonVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(PythonVersion? left, PythonVersion? right) => Compare(left, right) >= 0;

    private static int Compare(PythonVersion? left, PythonVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>
    /// Where the pre-release part sorts: a dev release with no pre and no post sorts before every
    /// pre-release (<c>1.0.dev0 &lt; 1.0a0</c>), a final (or post) release after them.
    /// </summary>
    private int PreRank()
    {
        if (PreKind is { } kind)
        {
            return 1 + (int)kind;
        }

        return Post is null && Dev is not null ? 0 : 10;
    }

    internal static int CompareRelease(IReadOnlyList<long> left, IReadOnlyList<long> right)
    {
        int n = Math.Max(left.Count, right.Count);
        for (int i = 0; i < n; i++)
        {
            long a = i < left.Count ? left[i] : 0;
            long b = i < right.Count ? right[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return 0;
    }

    private static int CompareLocal(string[] left, string[] right)
    {
        // No local label sorts before any local label; numeric segments sort after alphanumeric ones,
        // alphanumeric segments compare as strings, and a longer label wins when one is a prefix.
        int n = Math.Min(left.Length, right.Length);
        for (int i = 0; i < n; i++)
        {
            bool leftNumeric = IsNumeric(left[i]);
            bool rightNumeric = IsNumeric(right[i]);
            int c;
            if (leftNumeric && rightNumeric)
            {
                c = left[i].Length != right[i].Length
                    ? left[i].Length.CompareTo(right[i].Length)
                    : string.CompareOrdinal(left[i], right[i]);
            }
            else if (leftNumeric != rightNumeric)
            {
                c = leftNumeric ? 1 : -1;
            }
            else
            {
                c = string.CompareOrdinal(left[i], right[i]);
            }

            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static bool IsNumeric(string s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static string TrimLeadingZeros(string digits)
    {
        string t = digits.TrimStart('0');
        return t.Length == 0 ? "0" : t;
    }

    private static bool TryNumber(string digits, out long value) =>
        long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

    // The PEP 440 pattern (as in the specification's appendix), anchored, on lower-cased ASCII input.
    [GeneratedRegex(
        """
        ^v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?
        (?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?
        (?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?
        \z
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionPattern();
}
