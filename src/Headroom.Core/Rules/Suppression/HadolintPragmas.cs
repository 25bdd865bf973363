namespace Headroom.Rules.Suppression;

/// <summary>
/// hadolint rule codes whose meaning matches a Headroom rule, so that a team switching tools keeps its
/// <c># hadolint ignore=...</c> comments working. Only these three match closely enough (hadolint's
/// rule list: github.com/hadolint/hadolint README, read 2026-11-30; no code was read).
/// </summary>
public static class HadolintPragmas
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DL3042"] = "DF004", // pip install without --no-cache-dir
        ["DL3009"] = "DF006", // apt lists not deleted after apt-get install
        ["DL3015"] = "DF007", // apt-get install without --no-install-recommends
    };

    /// <summary>The Headroom rule ID for a hadolint code, or null when none matches.</summary>
    public static string? ToRuleId(string hadolintCode) => Map.GetValueOrDefault(hadolintCode.Trim());
}
