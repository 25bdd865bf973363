namespace Headroom.Python;

/// <summary>The pip options a requirements file may hold, by spelling.</summary>
internal static class RequirementsFileOptions
{
    /// <summary>(long name, short name or null, takes a value, applies to a requirement line).</summary>
    private static readonly (string Long, string? Short, bool TakesValue, bool PerRequirement)[] Table =
    [
        ("--requirement", "-r", true, false),
        ("--constraint", "-c", true, false),
        ("--editable", "-e", true, false),
        ("--index-url", "-i", true, false),
        ("--extra-index-url", null, true, false),
        ("--find-links", "-f", true, false),
        ("--no-index", null, false, false),
        ("--pre", null, false, false),
        ("--only-binary", null, true, false),
        ("--no-binary", null, true, false),
        ("--prefer-binary", null, false, false),
        ("--trusted-host", null, true, false),
        ("--use-feature", null, true, false),
        ("--require-hashes", null, false, false),
        ("--hash", null, true, true),
        ("--config-settings", "-C", true, true),
        ("--global-option", null, true, true),
    ];

    public static bool TryFind(string spelling, out string longName, out bool takesValue, out bool perRequirement)
    {
        foreach (var (l, s, v, p) in Table)
        {
            if (spelling == l || spelling == s)
            {
                (longName, takesValue, perRequirement) = (l, v, p);
                return true;
            }
        }

        (longName, takesValue, perRequirement) = (string.Empty, false, false);
        return false;
    }

    /// <summary>Splits <c>-iURL</c> into <c>-i</c> and <c>URL</c> when <c>-i</c> is a short option that takes a value.</summary>
    public static bool IsShortWithValue(string token) =>
        token.Length > 2 && token[0] == '-' && token[1] != '-' && TryFind(token[..2], out _, out bool v, out _) && v;
}
