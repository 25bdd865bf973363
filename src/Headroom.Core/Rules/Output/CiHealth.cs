using System.Globalization;

namespace Headroom.Rules.Output;

/// <summary>One breakage class of the CI-health table and its state in the checked repository.</summary>
/// <param name="Name">The breakage ("docker-compose v1 gone from runners").</param>
/// <param name="RuleIds">The rules that find it.</param>
/// <param name="Checked">False when none of those rules exists yet (the row says "not checked").</param>
/// <param name="Findings">Their findings in this check, sorted as the result is.</param>
public sealed record CiHealthRow(string Name, IReadOnlyList<string> RuleIds, bool Checked, IReadOnlyList<Finding> Findings)
{
    public bool Found => Findings.Count > 0;

    public int FixableCount => Findings.Count(f => f.Fix is not null);

    /// <summary>"found", "clear" or "not checked".</summary>
    public string Status => !Checked ? "not checked" : Found ? "found" : "clear";

    /// <summary>The distinct places of the findings (<c>path:line</c>, or the path for a finding about a whole file or folder), in result order.</summary>
    public IReadOnlyList<string> PlaceList => [.. Findings.Select(f => f.AnchorLine > 0 ? $"{f.Path}:{f.Start.Line}" : f.Path).Distinct(StringComparer.Ordinal)];

    /// <summary>The first <paramref name="count"/> places, each formatted by <paramref name="format"/>, then "+N more".</summary>
    public string Places(int count = 3, Func<string, string>? format = null)
    {
        IReadOnlyList<string> places = PlaceList;
        string shown = string.Join(", ", places.Take(count).Select(format ?? (p => p)));
        return places.Count > count ? string.Create(CultureInfo.InvariantCulture, $"{shown} +{places.Count - count} more") : shown;
    }
}

/// <summary>
/// The CI-health table: the eleven breakage classes of Headroom's story (docs/ci-disk-model.md and the
/// example's README), each with the rules behind it and whether this check found it.
/// </summary>
public static class CiHealth
{
    /// <summary>The classes, in the order of the story (shared/reference/ci-breakage.md), and their rules.</summary>
    public static IReadOnlyList<(string Name, string[] RuleIds)> Classes { get; } =
    [
        ("Runner disk full (CUDA torch, image copies)", ["DF001", "DF004", "DF005", "DF012", "GH005"]),
        ("Deprecated artifact/cache actions", ["GH001"]),
        ("Python 3.13 without wheels", ["PY001", "DF011"]),
        ("Missing package-lock.json", ["JS001"]),
        ("docker-compose v1 gone from runners", ["GH002"]),
        ("setup-python pip cache finds no file", ["GH003"]),
        ("torch pin with no wheel or index", ["PY002", "DF002", "DF003"]),
        ("import.meta.env without Vite types", ["JS002"]),
        ("buildx image not loaded", ["GH004"]),
        ("black vs flake8", ["PY003", "PY004"]),
        ("Deprecated workflow commands", ["GH006"]),
    ];

    /// <summary>One row per class for a check's result.</summary>
    public static IReadOnlyList<CiHealthRow> Rows(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var known = new HashSet<string>(RuleCatalog.All.Select(r => r.Descriptor.Id), StringComparer.Ordinal);
        return [.. Classes.Select(c =>
        {
            string[] ids = [.. c.RuleIds.Where(known.Contains)];
            return new CiHealthRow(c.Name, ids, ids.Length > 0, [.. result.Findings.Where(f => ids.Contains(f.Rule.Id, StringComparer.Ordinal))]);
        })];
    }

    /// <summary>The markdown table: breakage, rules, status, where, fix.</summary>
    public static void WriteMarkdown(TextWriter output, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<CiHealthRow> rows = Rows(result);
        output.WriteLine($"### CI health: {rows.Count(r => r.Found)} of {rows.Count} breakages found");
        output.WriteLine();
        output.WriteLine("| breakage | rules | status | where | fix |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (CiHealthRow row in rows)
        {
            string[] missing = [.. Classes.First(c => c.Name == row.Name).RuleIds.Except(row.RuleIds, StringComparer.Ordinal)];
            string rules = !row.Checked ? string.Join(", ", missing) + " (not built yet)"
                : missing.Length == 0 ? string.Join(", ", row.RuleIds)
                : $"{string.Join(", ", row.RuleIds)} ({string.Join(", ", missing)} not built yet)";
            string where = row.Found ? row.Places(format: p => $"`{p}`") : string.Empty;
            string fix = !row.Found ? string.Empty
                : row.FixableCount == row.Findings.Count ? "`headroom fix`"
                : row.FixableCount > 0 ? $"`headroom fix` ({row.FixableCount} of {row.Findings.Count})"
                : "by hand";
            output.WriteLine($"| {FindingsMarkdownWriter.Cell(row.Name)} | {rules} | {row.Status} | {where} | {fix} |");
        }
    }

    /// <summary>The compact text form: one line per class that was found, nothing when none was.</summary>
    public static void WriteText(TextWriter output, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<CiHealthRow> rows = Rows(result);
        List<CiHealthRow> found = [.. rows.Where(r => r.Found)];
        if (found.Count == 0)
        {
            return;
        }

        output.WriteLine($"CI health: {found.Count} of {rows.Count} breakages found");
        foreach (CiHealthRow row in found)
        {
            string fix = row.FixableCount == row.Findings.Count ? "; headroom fix" : row.FixableCount > 0 ? $"; headroom fix ({row.FixableCount} of {row.Findings.Count})" : string.Empty;
            output.WriteLine($"  {row.Name} [{string.Join(",", row.Findings.Select(f => f.Rule.Id).Distinct(StringComparer.Ordinal))}]: {row.Places()}{fix}");
        }
    }
}
