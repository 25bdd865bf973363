using Headroom.Diagnostics;
using Headroom.Knowledge.Torch;
using Headroom.Rules.Models;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Dockerfile;

/// <summary>
/// DF002: the PyTorch CPU index is given as an extra index (<c>--extra-index-url</c>, <c>PIP_EXTRA_INDEX_URL</c>,
/// a requirements file's option) or as find-links, with PyPI still the primary index. pip takes the best
/// version across every index (ml-wheels.md §3), so torch can still come from PyPI as the CUDA build; a
/// find-links URL pointing at the index root is not a page of wheel links at all and is ignored
/// (pytorch/pytorch#159560). uv is exempt for extra indexes: its default <c>first-index</c> strategy asks
/// an <c>--extra-index-url</c>/<c>--index</c> first and takes torch only from it (uv docs, concepts/indexes),
/// unless <c>--index-strategy unsafe-best-match</c> restores pip's behaviour.
/// </summary>
public sealed class TorchIndexAsExtraRule : IRule
{
    /// <summary>The packages the CPU index serves with the same release line as torch.</summary>
    private static readonly HashSet<string> TorchFamily = new(StringComparer.Ordinal) { "torch", "torchvision", "torchaudio" };

    public RuleDescriptor Descriptor { get; } = new(
        "DF002", "torch-index-as-extra", DiagnosticSeverity.Warning,
        "the PyTorch CPU index is an extra index or find-links, so torch can still come from PyPI with CUDA", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        IReadOnlyList<TorchInstall> installs = TorchInstalls.All(context);
        foreach (TorchInstall install in installs)
        {
            if (!TorchInstalls.GetsCudaTorchFromPyPi(installs, install)
                || install.CpuExtra is not { } extra
                || (install.Run.Invocation.IsUv && !extra.IsFindLinks && !UnsafeBestMatch(install.Run.Invocation)))
            {
                continue;
            }

            TorchStake stake = TorchStake.Of(install);
            RunInvocation<PipInvocation> run = install.Run;
            bool ignored = extra.IsFindLinks && IsIndexRoot(extra.Url);
            string tool = run.Invocation.IsUv ? "uv" : "pip";
            string why = ignored
                ? $"{extra.Describe()} {extra.Url} is a package index, not a page of wheel links, so {tool} ignores it and gets {stake.Describe(install)}"
                : $"{tool} takes the best version across PyPI and {extra.Describe()} {extra.Url}, so it can still get {stake.Describe(install)}";
            findings.Report(
                run.Document.Source,
                run.SourceSpan,
                $"{why}: {stake.Text} of torch and nvidia-* wheels where the CPU build is {stake.CpuText}; give the CPU index with --index-url to an install of torch alone",
                run.AnchorLine,
                run.IsEditable ? OptionFix(install, extra) ?? CpuTorchFix.For(install) : null,
                stake.BytesAtStake,
                bytesExact: false,
                [.. TorchStake.Related(install), .. FileOptionLocation(extra)],
                ignored ? DiagnosticSeverity.Error : null);
        }
    }

    /// <summary>
    /// <c>--extra-index-url URL</c> (or <c>-f URL</c> at the index root) becomes <c>--index-url URL</c> when the
    /// command installs nothing but torch, torchvision and torchaudio, which the CPU index serves, and names no
    /// other index; null otherwise (the caller then inserts a CPU torch install before the command).
    /// </summary>
    private static Fix? OptionFix(TorchInstall install, TorchIndexSource extra)
    {
        PipInvocation pip = install.Run.Invocation;
        if (extra.Option is not { } option
            || (extra.IsFindLinks && !IsIndexRoot(extra.Url))
            || install.Requirements is not null
            || pip.IndexUrls.Any()
            || pip.ExtraIndexUrls.Concat(pip.FindLinks).Count() != 1
            || pip.Editables.Any()
            || pip.Packages.IsEmpty
            || pip.Packages.Any(p => p.Kind != PackageOperandKind.Name || p.NormalizedName is not { } name || !TorchFamily.Contains(name)))
        {
            return null;
        }

        string text = install.Run.Document.Source.Text;
        int start = install.Run.ToSourceOffset(option.Word.Span.Start);
        if (start + option.Written.Length > text.Length || string.CompareOrdinal(text, start, option.Written, 0, option.Written.Length) != 0)
        {
            return null;
        }

        return Fix.InFile(
            $"replace {option.Written} with --index-url (the command installs only {string.Join(", ", pip.Packages.Select(p => p.NormalizedName).Distinct())})",
            install.Run.Document.Path,
            new TextEdit(new Text.TextSpan(start, option.Written.Length), "--index-url"));
    }

    private static IEnumerable<RelatedLocation> FileOptionLocation(TorchIndexSource extra) =>
        extra.FileOption is { } option && extra.FilePath is { } path
            ? [new RelatedLocation(path.TrimStart('/'), option.Start.Line, option.Start.Column, $"{option.Name} {option.Value}: the CPU index as an extra source")]
            : [];

    /// <summary>True for <c>https://download.pytorch.org/whl/cpu</c> itself (a PEP 503 root), not a page such as <c>.../cpu/torch_stable.html</c>.</summary>
    private static bool IsIndexRoot(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
        && uri.AbsolutePath.TrimEnd('/').Split('/')[^1] == TorchIndexes.VariantOf(url);

    private static bool UnsafeBestMatch(PipInvocation pip) =>
        (pip.FindOption("--index-strategy")?.Value ?? pip.Environment.Find("UV_INDEX_STRATEGY")?.Value) == "unsafe-best-match";
}
