namespace Headroom.Python.Resolution;

/// <summary>One step of the resolution: the pins so far (in pinning order, for backtracking) and the criteria.</summary>
internal sealed class ResolverState
{
    public ResolverState(OrderedDictionary<string, Candidate> mapping, Dictionary<string, Criterion> criteria, List<RequirementInformation> backtrackCauses)
    {
        Mapping = mapping;
        Criteria = criteria;
        BacktrackCauses = backtrackCauses;
    }

    public OrderedDictionary<string, Candidate> Mapping { get; }

    public Dictionary<string, Criterion> Criteria { get; set; }

    public List<RequirementInformation> BacktrackCauses { get; set; }

    public static ResolverState Empty() => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);

    public ResolverState Copy() => new(new(Mapping, StringComparer.Ordinal), new(Criteria, StringComparer.Ordinal), [.. BacktrackCauses]);
}
