namespace Headroom.Python.Resolution;

/// <summary>
/// The requirements cannot be resolved for the target: they conflict, a project has no usable version,
/// or the resolver gave up after its round limit. The message is one line naming the packages and the
/// requirements involved; <see cref="Rejections"/> says why versions were not candidates (PY001 reads it).
/// </summary>
public sealed class ResolutionException : Exception
{
    public ResolutionException()
        : this("the requirements cannot be resolved", [], new Dictionary<string, IReadOnlyList<RejectedCandidate>>(), tooDeep: false)
    {
    }

    public ResolutionException(string message)
        : this(message, [], new Dictionary<string, IReadOnlyList<RejectedCandidate>>(), tooDeep: false)
    {
    }

    public ResolutionException(string message, Exception inner)
        : base(message, inner)
    {
        Packages = [];
        Rejections = new Dictionary<string, IReadOnlyList<RejectedCandidate>>();
    }

    internal ResolutionException(string message, IReadOnlyList<string> packages, IReadOnlyDictionary<string, IReadOnlyList<RejectedCandidate>> rejections, bool tooDeep)
        : base(message)
    {
        Packages = packages;
        Rejections = rejections;
        TooDeep = tooDeep;
    }

    /// <summary>The normalized names of the projects involved, sorted.</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>Per project involved, the versions that were not candidates and why (newest first).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RejectedCandidate>> Rejections { get; }

    /// <summary>True when the resolver stopped at its round limit rather than proving a conflict.</summary>
    public bool TooDeep { get; }
}
