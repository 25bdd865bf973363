using Headroom.Python;

namespace Headroom.Rules.Models;

/// <summary>Why a pip install gets torch, and with which version constraint.</summary>
/// <param name="Via">The package that brings torch, as written (<c>torch</c>, <c>sentence-transformers</c>).</param>
/// <param name="Specifier">torch's own version constraint (operand, requirement or constraint line); empty when unconstrained.</param>
/// <param name="Line">The requirements line that brings torch, or null when it is a command-line operand.</param>
/// <param name="TorchLine">The requirements or constraints line that constrains torch itself, or null.</param>
/// <param name="Companions">torchvision/torchaudio requirement lines pinned in torch's file.</param>
public sealed record TorchDemand(
    string Via,
    SpecifierSet Specifier,
    RequirementLine? Line,
    RequirementLine? TorchLine,
    IReadOnlyList<RequirementLine> Companions)
{
    /// <summary>The pinned version (<c>2.3.1</c> or <c>2.3.1+cpu</c>), or null.</summary>
    public string? PinnedVersion => Specifier.Pin?.VersionText;
}
