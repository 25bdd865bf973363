namespace Headroom.Python.Resolution;

/// <summary>What is known about one identifier: the candidates that fit every need so far (best first), the needs, and the versions proven not to work.</summary>
internal sealed record Criterion(IReadOnlyList<Candidate> Candidates, IReadOnlyList<RequirementInformation> Information, IReadOnlyList<Candidate> Incompatibilities)
{
    public IEnumerable<Need> Needs => Information.Select(i => i.Need);
}
