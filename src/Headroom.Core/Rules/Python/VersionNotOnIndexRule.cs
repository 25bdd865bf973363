using Headroom.Diagnostics;
using Headroom.Knowledge.Torch;
using Headroom.Python;
using Headroom.Python.Index;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;

namespace Headroom.Rules.Python;

/// <summary>
/// PY002: a pinned version (or a local label such as <c>+cpu</c>) is on none of the indexes the install uses, so
/// pip fails with "No matching distribution found". Online it asks the indexes; offline (and when they fail) it
/// knows that PyPI holds no local versions, which variants each download.pytorch.org index serves, and torch's releases.
/// </summary>
public sealed class VersionNotOnIndexRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "PY002", "version-not-on-index", DiagnosticSeverity.Error,
        "a pinned version is not on any index the install uses", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var reported = new HashSet<(string?, int, string)>();
        foreach (PythonInstall install in PythonInstalls.All(context))
        {
            if (!install.IndexesKnown)
            {
                continue;
            }

            string indexes = PackageIndexes.Describe(install.Indexes);
            foreach (InstalledRequirement pinned in install.Requirements)
            {
                Requirement requirement = pinned.Requirement;
                if (requirement.Pin is not { Version: { } version } || requirement.Url is not null
                    || !install.Targets.Any(t => requirement.AppliesTo(MarkerEnvironment.ForTarget(t.Environment)))
                    || !reported.Add((pinned.Source.Path, pinned.Span.Start, indexes))
                    || Verdict(context, install, requirement, version) is not { } why)
                {
                    continue;
                }

                string pin = $"{requirement.Name}{requirement.Pin}";
                string? label = version.Local;
                string? variantIndex = label is not null && TorchIndexes.IsPyTorchLocalLabel(label) ? "https://download.pytorch.org/whl/" + label.ToLowerInvariant() : null;
                string advice = variantIndex is not null ? $"add --extra-index-url {variantIndex} to the requirements" : "pin a version the index has, or add the index that has it";
                findings.Report(
                    pinned.Source,
                    pinned.Span,
                    $"{requirement.Name} {version} is not on {(install.Indexes.Indexes.Count + install.Indexes.FindLinks.Count == 1 ? "the only index this install uses" : "any index this install uses")} ({indexes}): {why}, so pip fails with \"No matching distribution found for {pin}\"; {advice}",
                    fix: variantIndex is not null ? AddIndexFix(pinned, variantIndex) : null,
                    related: [install.Command with { Message = $"the install ({indexes})" }]);
            }
        }
    }

    /// <summary>Why the version is not there, or null when it is (or nobody can tell).</summary>
    private static string? Verdict(CheckContext context, PythonInstall install, Requirement requirement, PythonVersion version)
    {
        if (PinnedFiles.All(context, install.Indexes, requirement.NormalizedName) is { } files)
        {
            if (PinnedFiles.Matching(files, requirement).Count > 0)
            {
                return null;
            }

            if (files.Count == 0)
            {
                return $"no index in use has {requirement.Name} at all";
            }

            // Only a pinned local label gets the knowledge's explanation; otherwise the index's own versions say it.
            string nearest = string.Join(", ", files.Select(f => f.Version).OfType<PythonVersion>().Distinct()
                .OrderBy(v => Distance(v, version)).ThenByDescending(v => v).Take(3).Order().Select(v => v.ToString()));
            return version.HasLocal && FromKnowledge(install.Indexes, requirement, version) is { } known
                ? known.Replace(" " + PinnedFiles.KnowledgeNote, string.Empty, StringComparison.Ordinal) + $"; the nearest versions there are {nearest}"
                : $"the nearest versions there are {nearest}";
        }

        return FromKnowledge(install.Indexes, requirement, version);
    }

    /// <summary>The offline verdict: local labels on PyPI, PyTorch variants on the wrong index, torch releases that do not exist.</summary>
    private static string? FromKnowledge(IndexConfiguration configuration, Requirement requirement, PythonVersion version)
    {
        if (configuration.FindLinks.Count > 0 || configuration.Indexes.Count == 0)
        {
            return null;
        }

        List<string> urls = [.. configuration.Indexes.Select(i => i.Url)];
        bool onlyPyPi = urls.All(IsPyPi);
        bool knownIndexes = urls.All(u => IsPyPi(u) || TorchIndexes.IsPyTorchIndex(u));
        if (version.Local is { } label)
        {
            // PyPI refuses uploads with a local version ("Can't use PEP 440 local versions", warehouse's upload
            // check; PEP 440: local versions "SHOULD NOT be used when publishing upstream projects to a public index").
            if (onlyPyPi)
            {
                return $"PyPI has no local versions such as +{label} {PinnedFiles.KnowledgeNote}";
            }

            string[] variants = [.. urls.Select(TorchIndexes.VariantOf).OfType<string>()];
            if (knownIndexes && TorchIndexes.IsPyTorchLocalLabel(label) && !variants.Contains(label.ToLowerInvariant(), StringComparer.Ordinal))
            {
                return $"+{label} builds are only on download.pytorch.org/whl/{label.ToLowerInvariant()}, and the PyTorch index{(variants.Length == 1 ? string.Empty : "es")} in use serve{(variants.Length == 1 ? "s" : string.Empty)} {(variants.Length == 0 ? "none" : string.Join(", ", variants.Select(v => "+" + v)))} {PinnedFiles.KnowledgeNote}";
            }
        }

        if (requirement.NormalizedName == "torch" && knownIndexes && !TorchBuilds.MayExist(version.ToString()) && TorchBuilds.Find(version.ToString()) is { } line)
        {
            return $"torch {version.Public} was never released (the {line.Minor} line has {string.Join(", ", line.Releases)}) {PinnedFiles.KnowledgeNote}";
        }

        return null;
    }

    private static bool IsPyPi(string url) => TorchIndexes.IsPyPi(url) || url.Contains("pythonhosted.org", StringComparison.OrdinalIgnoreCase);

    private static double Distance(PythonVersion a, PythonVersion b)
    {
        double d = 0;
        for (int i = 0; i < 3; i++)
        {
            long x = i < a.Release.Count ? a.Release[i] : 0;
            long y = i < b.Release.Count ? b.Release[i] : 0;
            d = (d * 1000) + Math.Abs(x - y);
        }

        return d;
    }

    /// <summary>Inserts <c>--extra-index-url URL</c> on its own line above the pin, in the pin's requirements file.</summary>
    private static Fix? AddIndexFix(InstalledRequirement pinned, string url)
    {
        if (pinned.Line is not { } line || line.Path is not { } path)
        {
            return null;
        }

        string text = pinned.Source.Text;
        int lineStart = pinned.Source.GetLineStart(line.Line);
        return Fix.InFile($"add --extra-index-url {url} above {line.Text}", path, TextEdit.Insert(lineStart, $"--extra-index-url {url}{TextEdits.NewLineOf(text)}"));
    }
}
