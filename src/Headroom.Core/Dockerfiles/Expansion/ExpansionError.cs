namespace Headroom.Dockerfiles.Expansion;

/// <summary>Why a word could not be expanded; BuildKit fails the build with this message.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">BuildKit's wording, for example <c>VERSION: is not allowed to be unset</c>.</param>
/// <param name="Variable">For <see cref="ExpansionErrorKind.RequiredVariable"/>, the variable's name.</param>
public sealed record ExpansionError(ExpansionErrorKind Kind, string Message, string? Variable = null)
{
    public override string ToString() => Message;
}
