using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>
/// One resolution, as pip's resolver (resolvelib) does it: pin the most constrained open identifier to
/// its best candidate, merge that candidate's dependencies into the criteria, and when a candidate's
/// dependencies conflict, try the next one; when none works, backjump to the last pin that contributed
/// to the conflict, mark it incompatible and go on from the state before it. Backjumping past pins
/// that had no part in the conflict can skip a solution (a pin whose dependencies made a later
/// conflict unavoidable is not always among the conflict's names); when a resolution that did so
/// fails, it starts again from the stack as it was before the first such jump and from then on
/// backtracks one pin at a time, which is complete.
/// </summary>
internal sealed class ResolutionRun
{
    private readonly RepositoryView _view;
    private readonly TargetEnvironment _target;
    private readonly ResolverOptions _options;
    private readonly MarkerEnvironment _markers;
    private readonly bool _pre;
    private readonly Dictionary<string, List<RequirementInformation>> _constraints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requestedOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<PythonVersion, RejectedCandidate>> _rejections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PythonVersion>> _unusable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<Candidate, IReadOnlyList<Need>> _dependencies = [];
    private readonly Dictionary<Candidate, CoreMetadata> _metadata = [];
    private readonly List<ResolverState> _states = [];
    private readonly List<string> _notes = [];
    private readonly HashSet<string> _noteSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _backtrackedNames = new(StringComparer.Ordinal);
    private int _backtracks;
    private int _rounds;
    private bool _skipUnrelatedPins = true;
    private List<ResolverState>? _beforeFirstSkip;

    public ResolutionRun(RepositoryView view, TargetEnvironment target, ResolverOptions options, bool pre)
    {
        _view = view;
        _target = target;
        _options = options;
        _markers = MarkerEnvironment.ForTarget(target);
        _pre = pre || options.Pre;
    }

    private ResolverState State => _states[^1];

    public async Task<ResolutionResult> RunAsync(ResolutionRequest request, CancellationToken cancellationToken)
    {
        foreach (string skipped in request.Skipped)
        {
            Note(skipped);
        }

        foreach (RootRequirement constraint in request.Constraints)
        {
            AddConstraint(constraint);
        }

        var roots = new List<RequirementInformation>();
        for (int i = 0; i < request.Requirements.Count; i++)
        {
            RootRequirement root = request.Requirements[i];
            Requirement requirement = root.Requirement;
            if (!requirement.AppliesTo(_markers))
            {
                Note($"{root.Where}: '{requirement}' does not apply to {_target} (its marker is false); ignored");
                continue;
            }

            if (requirement.Url is not null && !AddDirectReference(root))
            {
                continue;
            }

            foreach (Need need in Need.Of(requirement))
            {
                roots.Add(new RequirementInformation(need, null, root.Location));
                _requestedOrder.TryAdd(need.Identifier, i);
            }
        }

        foreach (RequirementInformation root in roots)
        {
            _view.Speculate(root.Need.Name, root.Need.Specifier, _pre);
        }

        await _view.LoadListingsAsync(roots.Select(r => r.Need.Name).Concat(_constraints.Keys)).ConfigureAwait(false);
        _states.Add(ResolverState.Empty());
        foreach (RequirementInformation root in roots)
        {
            if (!TryAddToCriteria(State.Criteria, root, out Criterion? failed))
            {
                throw Impossible(failed.Information);
            }
        }

        PrefetchBest(State.Criteria.Values);
        PushNewState();
        while (_rounds < _options.MaxRounds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _rounds++;
            var unsatisfied = State.Criteria.Where(c => !IsCurrentPinSatisfying(c.Key, c.Value)).Select(c => c.Key).ToList();
            if (unsatisfied.Count == 0)
            {
                return BuildResult();
            }

            var satisfied = State.Criteria.Keys.Except(unsatisfied, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            string name = ChooseNext(unsatisfied);
            List<Criterion> causes = await AttemptToPinAsync(name).ConfigureAwait(false);
            if (causes.Count > 0)
            {
                var information = causes.SelectMany(c => c.Information).Distinct().ToList();
                _backtracks++;
                foreach (string involved in information.Select(i => i.Need.Name).Concat(information.Select(i => i.Parent?.Name).OfType<string>()))
                {
                    _backtrackedNames[involved] = _backtrackedNames.GetValueOrDefault(involved) + 1;
                }

                bool recovered = await BackjumpAsync(information).ConfigureAwait(false);
                if (!recovered && _beforeFirstSkip is not null)
                {
                    // The jumps past unrelated pins may have skipped the solution: go back to before
                    // the first of them and backtrack one pin at a time from there.
                    _skipUnrelatedPins = false;
                    _states.Clear();
                    _states.AddRange(_beforeFirstSkip);
                    _beforeFirstSkip = null;
                    continue;
                }

                if (!recovered)
                {
                    throw Impossible(information);
                }

                State.BacktrackCauses = information;
            }
            else
            {
                var invalidated = State.Criteria
                    .Where(c => satisfied.Contains(c.Key) && !IsCurrentPinSatisfying(c.Key, c.Value))
                    .Select(c => c.Key)
                    .ToHashSet(StringComparer.Ordinal);
                RemoveInformationFrom(State.Criteria, invalidated);
                PushNewState();
            }
        }

        throw TooDeep();
    }

    private void AddConstraint(RootRequirement constraint)
    {
        Requirement requirement = constraint.Requirement;
        if (!requirement.AppliesTo(_markers))
        {
            return;
        }

        if (requirement.Url is not null)
        {
            Note($"{constraint.Where}: the URL constraint '{requirement}' is not applied");
            return;
        }

        if (requirement.Extras.Count > 0)
        {
            Note($"{constraint.Where}: a constraint cannot name extras ('{requirement}'); only its versions are applied");
        }

        var need = new Need(requirement.NormalizedName, null, requirement.Specifier, null, $"{requirement.Name}{requirement.Specifier}");
        if (!_constraints.TryGetValue(need.Name, out List<RequirementInformation>? list))
        {
            _constraints[need.Name] = list = [];
        }

        list.Add(new RequirementInformation(need, null, constraint.Location));
    }

    /// <summary>A <c>name @ url</c> root requirement: a wheel URL becomes the project's only file; anything else is noted and skipped.</summary>
    private bool AddDirectReference(RootRequirement root)
    {
        Requirement requirement = root.Requirement;
        string url = requirement.Url!;
        if (WheelFilename.TryParse(url, out WheelFilename? wheel) && Uri.TryCreate(url.Split('#')[0], UriKind.Absolute, out Uri? uri))
        {
            _view.AddDirect(requirement.NormalizedName, new DistributionFile(
                wheel.Filename, uri, "direct reference", wheel.Version, null, new Dictionary<string, string>(), null, false, false));
            return true;
        }

        Note($"{root.Where}: '{requirement}' is a direct reference to something other than a wheel; its dependencies are not resolved");
        return false;
    }

    private void Note(string note)
    {
        if (_noteSet.Add(note))
        {
            _notes.Add(note);
        }
    }

    private void PushNewState() => _states.Add(State.Copy());

    private bool IsCurrentPinSatisfying(string identifier, Criterion criterion) =>
        State.Mapping.TryGetValue(identifier, out Candidate? pin) && criterion.Needs.All(n => n.IsSatisfiedBy(pin.Version));

    /// <summary>pip's preference: causes of the last backtrack first, then pinned, upper-bounded, requested order, constrained at all, name.</summary>
    private string ChooseNext(List<string> unsatisfied)
    {
        var causes = State.BacktrackCauses.Select(c => c.Need.Identifier)
            .Concat(State.BacktrackCauses.Select(c => c.Parent?.Identifier).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return unsatisfied
            .Select(id =>
            {
                Criterion c = State.Criteria[id];
                return (Id: id, Key: (
                    causes.Contains(id) ? 0 : 1,
                    c.Needs.Any(n => n.IsPinned) ? 0 : 1,
                    c.Needs.Any(n => n.IsUpperBounded) ? 0 : 1,
                    _requestedOrder.GetValueOrDefault(id, int.MaxValue),
                    c.Needs.All(n => n.IsFree) ? 1 : 0));
            })
            .OrderBy(x => x.Key)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .First().Id;
    }

    private async Task<List<Criterion>> AttemptToPinAsync(string identifier)
    {
        Criterion criterion = State.Criteria[identifier];
        var causes = new List<Criterion>();
        for (int i = 0; i < criterion.Candidates.Count; i++)
        {
            Candidate candidate = criterion.Candidates[i];
            if (IsUnusable(candidate))
            {
                continue;
            }

            if (i + 1 < criterion.Candidates.Count && (i > 0 || causes.Count > 0))
            {
                _view.Prefetch(candidate.Name, criterion.Candidates[i + 1].Entry);
            }

            IReadOnlyList<Need>? dependencies = await GetDependenciesAsync(candidate).ConfigureAwait(false);
            if (dependencies is null)
            {
                continue;
            }

            await _view.LoadListingsAsync(dependencies.Select(d => d.Name)).ConfigureAwait(false);
            var criteria = new Dictionary<string, Criterion>(State.Criteria, StringComparer.Ordinal);
            Criterion? failed = null;
            var added = new List<Criterion>();
            foreach (Need dependency in dependencies)
            {
                bool known = criteria.ContainsKey(dependency.Identifier);
                if (!TryAddToCriteria(criteria, new RequirementInformation(dependency, candidate, null), out failed))
                {
                    break;
                }

                if (!known)
                {
                    added.Add(criteria[dependency.Identifier]);
                    _view.Speculate(dependency.Name, dependency.Specifier, _pre);
                }
            }

            if (failed is not null)
            {
                causes.Add(failed);
                Reject(new RejectedCandidate(candidate.Name, candidate.Version, RejectionKind.Conflict, Explain(failed.Information), candidate.File.Filename));
                continue;
            }

            if (!criterion.Needs.All(n => n.IsSatisfiedBy(candidate.Version)))
            {
                throw new InvalidOperationException($"resolver: {candidate} was offered for {identifier} but does not satisfy its requirements");
            }

            PrefetchBest(added);
            State.Criteria = criteria;
            State.Mapping.Remove(identifier);
            State.Mapping.Add(identifier, candidate);
            return [];
        }

        if (causes.Count == 0)
        {
            // Every candidate was unusable (metadata): the criterion itself is the dead end.
            causes.Add(criterion);
        }

        return causes;
    }

    private void PrefetchBest(IEnumerable<Criterion> criteria)
    {
        foreach (Criterion criterion in criteria)
        {
            if (criterion.Candidates.Count > 0)
            {
                _view.Prefetch(criterion.Candidates[0].Name, criterion.Candidates[0].Entry);
            }
        }
    }

    private async Task<bool> BackjumpAsync(List<RequirementInformation> causes)
    {
        var incompatibleDeps = causes.Select(c => c.Parent?.Identifier).OfType<string>()
            .Concat(causes.Select(c => c.Need.Identifier))
            .ToHashSet(StringComparer.Ordinal);
        while (_states.Count >= 3)
        {
            _states.RemoveAt(_states.Count - 1);
            ResolverState broken;
            string name;
            Candidate candidate;
            while (true)
            {
                if (_states.Count == 0)
                {
                    return false;
                }

                broken = _states[^1];
                _states.RemoveAt(_states.Count - 1);
                if (broken.Mapping.Count == 0)
                {
                    return false;
                }

                (name, candidate) = broken.Mapping.GetAt(broken.Mapping.Count - 1);
                broken.Mapping.RemoveAt(broken.Mapping.Count - 1);
                // After a failed optimistic jump, backtrack one pin at a time: a pin that caused the
                // conflict may still have siblings (other versions) that avoid it.
                if (!_skipUnrelatedPins)
                {
                    break;
                }

                bool involved = incompatibleDeps.Contains(name);

                if (!involved && _beforeFirstSkip is null && _states.Count > 0)
                {
                    _beforeFirstSkip = [.. _states.Select(st => st.Copy())];
                }

                IReadOnlyList<Need> dependencies = await GetDependenciesAsync(candidate).ConfigureAwait(false) ?? [];
                if (dependencies.Any(d => incompatibleDeps.Contains(d.Identifier)) || broken.Mapping.Count == 0)
                {
                    break;
                }
            }

            if (_states.Count == 0)
            {
                return false;
            }

            var incompatibilities = broken.Criteria
                .Select(c => (Id: c.Key, List: c.Value.Incompatibilities))
                .Append((Id: name, List: (IReadOnlyList<Candidate>)[candidate]))
                .ToList();
            PushNewState();
            if (PatchCriteria(incompatibilities))
            {
                return true;
            }
        }

        return false;
    }

    private bool PatchCriteria(List<(string Id, IReadOnlyList<Candidate> List)> incompatibilities)
    {
        foreach ((string id, IReadOnlyList<Candidate> list) in incompatibilities)
        {
            if (list.Count == 0 || !State.Criteria.TryGetValue(id, out Criterion? criterion))
            {
                continue;
            }

            Candidate[] all = [.. list.Concat(criterion.Incompatibilities).Distinct()];
            List<Candidate> matches = FindMatches(id, criterion.Needs, all);
            if (matches.Count == 0)
            {
                return false;
            }

            State.Criteria[id] = criterion with { Candidates = matches, Incompatibilities = all };
        }

        return true;
    }

    private static void RemoveInformationFrom(Dictionary<string, Criterion> criteria, HashSet<string> parents)
    {
        if (parents.Count == 0)
        {
            return;
        }

        foreach (string key in criteria.Keys.ToList())
        {
            Criterion criterion = criteria[key];
            if (criterion.Information.Any(i => i.Parent is not null && parents.Contains(i.Parent.Identifier)))
            {
                criteria[key] = criterion with
                {
                    Information = [.. criterion.Information.Where(i => i.Parent is null || !parents.Contains(i.Parent.Identifier))],
                };
            }
        }
    }

    private bool TryAddToCriteria(Dictionary<string, Criterion> criteria, RequirementInformation information, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Criterion? failed)
    {
        string id = information.Need.Identifier;
        criteria.TryGetValue(id, out Criterion? existing);
        IReadOnlyList<Candidate> incompatibilities = existing?.Incompatibilities ?? [];
        IReadOnlyList<RequirementInformation> all = [.. existing?.Information ?? [], information];
        List<Candidate> matches = FindMatches(id, all.Select(i => i.Need), incompatibilities);
        var criterion = new Criterion(matches, all, incompatibilities);
        if (matches.Count == 0)
        {
            failed = criterion;
            return false;
        }

        criteria[id] = criterion;
        failed = null;
        return true;
    }

    /// <summary>
    /// The candidates for an identifier, best (newest) first: versions that fit every need and
    /// constraint, have a file for the target, obey pip's pre-release rule (allowed with <c>--pre</c> or
    /// when a specifier names one; otherwise only when no final release fits) and PEP 592 (yanked only
    /// for an exact pin that only yanked versions satisfy), minus the known incompatibilities.
    /// </summary>
    private List<Candidate> FindMatches(string identifier, IEnumerable<Need> needs, IReadOnlyList<Candidate> incompatibilities)
    {
        Need[] all = [.. needs];

        // A criterion can lose every need when backjumping removes the information its parents gave
        // (resolvelib's find_matches works from the identifier then): name and extra come from it.
        (string name, string? extra) = all.Length > 0 ? (all[0].Name, all[0].Extra) : Need.SplitIdentifier(identifier);
        ProjectListing listing = _view.Listing(name);
        List<RequirementInformation> constraints = _constraints.GetValueOrDefault(name) ?? [];
        bool allowPre = _pre || all.Any(n => n.ImpliesPreReleases) || constraints.Any(c => c.Need.ImpliesPreReleases);
        bool pinned = all.Any(n => n.IsPinned);
        var usable = new List<VersionEntry>();
        foreach (VersionEntry entry in listing.Entries)
        {
            if (!all.All(n => n.IsSatisfiedBy(entry.Version)) || !constraints.All(c => c.Need.IsSatisfiedBy(entry.Version)))
            {
                continue;
            }

            if (entry.Rejection is not null)
            {
                Reject(entry.Rejection);
            }
            else if (!IsUnusable(name, entry.Version))
            {
                usable.Add(entry);
            }
        }

        if (!allowPre && usable.Any(e => !e.Version.IsPreRelease))
        {
            foreach (VersionEntry pre in usable.Where(e => e.Version.IsPreRelease))
            {
                Reject(new RejectedCandidate(name, pre.Version, RejectionKind.PreRelease, "a pre-release, allowed only with --pre or a specifier that names one", pre.File!.Filename));
            }

            usable.RemoveAll(e => e.Version.IsPreRelease);
        }

        if (!(pinned && usable.All(e => e.Yanked)))
        {
            foreach (VersionEntry yanked in usable.Where(e => e.Yanked))
            {
                Reject(new RejectedCandidate(name, yanked.Version, RejectionKind.Yanked, "yanked, chosen only by an exact == pin", yanked.File!.Filename));
            }

            usable.RemoveAll(e => e.Yanked);
        }

        var result = new List<Candidate>(usable.Count);
        foreach (VersionEntry entry in usable)
        {
            if (!incompatibilities.Any(c => c.Version == entry.Version))
            {
                result.Add(CandidateFor(identifier, name, extra, entry));
            }
        }

        return result;
    }

    private Candidate CandidateFor(string identifier, string name, string? extra, VersionEntry entry)
    {
        string key = $"{identifier} {entry.Version}";
        if (!_candidates.TryGetValue(key, out Candidate? candidate))
        {
            _candidates[key] = candidate = new Candidate(name, extra, entry);
        }

        return candidate;
    }

    private bool IsUnusable(Candidate candidate) => IsUnusable(candidate.Name, candidate.Version);

    private bool IsUnusable(string name, PythonVersion version) => _unusable.TryGetValue(name, out HashSet<PythonVersion>? set) && set.Contains(version);

    private void Reject(RejectedCandidate rejection)
    {
        if (!_rejections.TryGetValue(rejection.Name, out SortedDictionary<PythonVersion, RejectedCandidate>? byVersion))
        {
            _rejections[rejection.Name] = byVersion = new SortedDictionary<PythonVersion, RejectedCandidate>(Comparer<PythonVersion>.Create((a, b) => b.CompareTo(a)));
        }

        byVersion.TryAdd(rejection.Version, rejection);
    }

    private void MarkUnusable(Candidate candidate, RejectionKind kind, string reason)
    {
        if (!_unusable.TryGetValue(candidate.Name, out HashSet<PythonVersion>? set))
        {
            _unusable[candidate.Name] = set = [];
        }

        set.Add(candidate.Version);
        Reject(new RejectedCandidate(candidate.Name, candidate.Version, kind, reason, candidate.File.Filename));
    }

    /// <summary>
    /// The needs a candidate brings: the Requires-Dist of its metadata whose markers hold for the target
    /// (for an extra's node: those that hold only with <c>extra == "…"</c>, plus the project itself at the
    /// same version). Null when the candidate is unusable (no metadata, Requires-Python excludes the target).
    /// </summary>
    private async Task<IReadOnlyList<Need>?> GetDependenciesAsync(Candidate candidate)
    {
        if (_dependencies.TryGetValue(candidate, out IReadOnlyList<Need>? known))
        {
            return known;
        }

        if (IsUnusable(candidate))
        {
            return null;
        }

        CoreMetadata? metadata = await _view.GetMetadataAsync(candidate.Name, candidate.Entry).ConfigureAwait(false);
        PythonVersion python = PythonVersion.Parse(_markers.PythonFullVersion);
        if (metadata is null)
        {
            MarkUnusable(candidate, RejectionKind.BadMetadata, "its metadata could not be read");
            return null;
        }

        if (PackageName.Normalize(metadata.Name) != candidate.Name || metadata.Version.Public != candidate.Version.Public)
        {
            MarkUnusable(candidate, RejectionKind.BadMetadata, $"its metadata names {metadata.Name} {metadata.Version}");
            return null;
        }

        if (!metadata.RequiresPython.Contains(python, prereleases: true))
        {
            MarkUnusable(candidate, RejectionKind.RequiresPython, $"requires Python {metadata.RequiresPython}, the target has {python}");
            return null;
        }

        var needs = new List<Need>();
        if (candidate.Extra is { } extra)
        {
            needs.Add(new Need(candidate.Name, null, SpecifierSet.Empty, candidate.Version, $"{metadata.Name}=={candidate.Version}"));
            if (!metadata.ProvidesExtra.Any(e => PackageName.Normalize(e) == extra))
            {
                Note($"{metadata.Name} {candidate.Version} does not provide the extra '{extra}'");
            }
        }

        MarkerEnvironment withExtra = _markers with { Extra = candidate.Extra ?? string.Empty };
        foreach (Requirement requirement in metadata.RequiresDist)
        {
            bool applies = candidate.Extra is null
                ? requirement.AppliesTo(_markers)
                : requirement.AppliesTo(withExtra) && !requirement.AppliesTo(_markers);
            if (!applies)
            {
                continue;
            }

            if (requirement.Url is not null)
            {
                Note($"{candidate} requires '{requirement}' by direct reference; it is resolved from the indexes instead");
            }

            needs.AddRange(Need.Of(requirement).Where(n => n.Identifier != candidate.Identifier));
        }

        _dependencies[candidate] = needs;
        _metadata[candidate] = metadata;
        return needs;
    }

    private ResolutionException Impossible(IReadOnlyList<RequirementInformation> causes)
    {
        string message = $"cannot resolve the Python requirements for {_target}: {Explain(causes)}";
        var names = causes.Select(c => c.Need.Name).Concat(causes.Select(c => c.Parent?.Name).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new ResolutionException(message, names, RejectionsOf(names, chosen: null), tooDeep: false);
    }

    private ResolutionException TooDeep()
    {
        var names = _backtrackedNames.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(8).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            // No conflict yet: name what was still open.
            names = [.. State.Criteria.Where(c => !IsCurrentPinSatisfying(c.Key, c.Value)).Select(c => c.Value.Information[0].Need.Name)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(8)];
        }

        string last = State.BacktrackCauses.Count > 0 ? $"; the last conflict: {Explain(State.BacktrackCauses)}" : string.Empty;
        string message = $"gave up resolving the Python requirements for {_target} after {_options.MaxRounds} rounds "
            + $"({_backtracks} backtracks) over {string.Join(", ", names)}{last}";
        return new ResolutionException(message, names, RejectionsOf(names, chosen: null), tooDeep: true);
    }

    /// <summary>
    /// The causes in words, per project: <c>torchvision 0.20.1 requires torch==2.5.1, but
    /// requirements.txt:3 asks torch==2.6.0</c>; for a single need, why no version of it can be used.
    /// </summary>
    private string Explain(IReadOnlyList<RequirementInformation> causes)
    {
        var parts = new List<string>();
        foreach (IGrouping<string, RequirementInformation> group in causes.GroupBy(c => c.Need.Name, StringComparer.Ordinal))
        {
            string name = group.Key;
            var phrases = group
                .OrderBy(c => c.Parent is null ? 1 : 0)
                .ThenBy(c => c.Parent?.Identifier, StringComparer.Ordinal)
                .ThenBy(c => c.Location, StringComparer.Ordinal)
                .Select(c => c.ToString())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            List<RequirementInformation> constraints = _constraints.GetValueOrDefault(name) ?? [];
            string limits = constraints.Count == 0 ? string.Empty
                : $" (with {string.Join(" and ", constraints.Select(c => $"{c.Location ?? "a constraint"} limiting {c.Need.Display}"))})";
            ProjectListing listing = _view.Listing(name);
            Need[] needs = [.. group.Select(c => c.Need)];
            bool anyVersionFits = listing.Entries.Any(e => needs.All(n => n.IsSatisfiedBy(e.Version)) && constraints.All(c => c.Need.IsSatisfiedBy(e.Version)));
            string text;
            if (!listing.Found)
            {
                text = $"{phrases[0]}, but no index has a project named '{name}'";
            }
            else if (phrases.Count >= 2 && !anyVersionFits)
            {
                text = $"{phrases[0]}, but {string.Join(" and ", phrases.Skip(1))}{limits}";
            }
            else
            {
                text = $"{string.Join(" and ", phrases)}{limits}, but {WhyNoVersion(name, needs, constraints, listing)}";
            }

            parts.Add(text);
        }

        return string.Join("; ", parts);
    }

    private string WhyNoVersion(string name, Need[] needs, List<RequirementInformation> constraints, ProjectListing listing)
    {
        var fitting = listing.Entries
            .Where(e => needs.All(n => n.IsSatisfiedBy(e.Version)) && constraints.All(c => c.Need.IsSatisfiedBy(e.Version)))
            .ToList();
        if (fitting.Count == 0)
        {
            string available = string.Join(", ", listing.Entries.Take(6).Select(e => e.Version));
            return $"no version of {name} fits (the newest: {available}{(listing.Entries.Count > 6 ? ", …" : string.Empty)})";
        }

        var reasons = fitting.Take(3).Select(e => _rejections.GetValueOrDefault(name)?.GetValueOrDefault(e.Version) ?? e.Rejection)
            .OfType<RejectedCandidate>()
            .Select(r => $"{r.Version}: {r.Reason}")
            .ToList();
        string more = fitting.Count > 3 ? $" (and {fitting.Count - 3} older)" : string.Empty;
        return reasons.Count == 0
            ? $"no version of {name} that fits can be used"
            : $"no version of {name} that fits can be used: {string.Join("; ", reasons)}{more}";
    }

    private Dictionary<string, IReadOnlyList<RejectedCandidate>> RejectionsOf(IEnumerable<string> names, IReadOnlyDictionary<string, PythonVersion>? chosen)
    {
        var result = new Dictionary<string, IReadOnlyList<RejectedCandidate>>(StringComparer.Ordinal);
        foreach (string name in names.Order(StringComparer.Ordinal))
        {
            if (!_rejections.TryGetValue(name, out SortedDictionary<PythonVersion, RejectedCandidate>? byVersion))
            {
                continue;
            }

            PythonVersion? pick = chosen?.GetValueOrDefault(name);
            var list = byVersion.Values.Where(r => pick is null || r.Version > pick).ToList();
            if (list.Count > 0)
            {
                result[name] = list;
            }
        }

        return result;
    }

    private ResolutionResult BuildResult()
    {
        ResolverState state = State;
        HashSet<string> connected = ConnectedToRoots(state);

        // The needs that hold in the final state: from the user, or from a parent that is pinned at that version and itself connected.
        bool Live(RequirementInformation info) => info.Parent is null
            || (connected.Contains(info.Parent.Identifier)
                && state.Mapping.TryGetValue(info.Parent.Identifier, out Candidate? pin) && ReferenceEquals(pin, info.Parent));

        var byName = connected.Where(state.Mapping.ContainsKey)
            .GroupBy(id => state.Mapping[id].Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var edges = new Dictionary<string, List<RequirementOrigin>>(StringComparer.Ordinal);
        foreach (IGrouping<string, string> group in byName)
        {
            edges[group.Key] = group
                .SelectMany(id => state.Criteria[id].Information)
                .Where(i => Live(i) && i.Parent?.Name != group.Key)
                .Select(i => new RequirementOrigin(i.Need.Display, i.Parent?.Name, i.Parent?.Version, i.Parent?.Extra, i.Location))
                .Distinct()
                .OrderBy(o => o.IsRoot ? 0 : 1)
                .ThenBy(o => o.Location, StringComparer.Ordinal)
                .ThenBy(o => o.ParentName, StringComparer.Ordinal)
                .ThenBy(o => o.ParentExtra, StringComparer.Ordinal)
                .ThenBy(o => o.Requirement, StringComparer.Ordinal)
                .ToList();
        }

        Dictionary<string, IReadOnlyList<RequirementOrigin>> chains = RequirementChains.Shortest(edges);
        var packages = new List<ResolvedPackage>();
        var chosen = new Dictionary<string, PythonVersion>(StringComparer.Ordinal);
        foreach (IGrouping<string, string> group in byName)
        {
            string name = group.Key;
            if (!state.Mapping.TryGetValue(name, out Candidate? pin))
            {
                pin = state.Mapping[group.First()];
            }

            var extras = group.Select(id => state.Mapping[id].Extra).OfType<string>().Order(StringComparer.Ordinal).ToList();
            _metadata.TryGetValue(pin, out CoreMetadata? metadata);
            packages.Add(new ResolvedPackage(name, pin.Version, pin.File, extras, metadata, edges[name], chains.GetValueOrDefault(name) ?? []));
            chosen[name] = pin.Version;
        }

        int metadataUsed = _metadata.Keys.Select(c => $"{c.Name} {c.Version}").Distinct(StringComparer.Ordinal).Count();
        var statistics = new ResolutionStatistics(_rounds, _backtracks, _view.ListingFetches, _view.MetadataFetches, metadataUsed);
        return new ResolutionResult(_target, packages, RejectionsOf(chosen.Keys, chosen), [.. _notes], statistics);
    }

    /// <summary>
    /// The identifiers that the user's requirements reach: a fixpoint from the roots along the
    /// parents that each criterion records (a search with one shared visited set would miss a node
    /// first met inside a cycle, and leave a needed package out of the result).
    /// </summary>
    private static HashSet<string> ConnectedToRoots(ResolverState state)
    {
        var connected = new HashSet<string>(StringComparer.Ordinal);
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach ((string id, Criterion criterion) in state.Criteria)
            {
                if (!connected.Contains(id) && criterion.Information.Any(i => i.Parent is null || connected.Contains(i.Parent.Identifier)))
                {
                    connected.Add(id);
                    grew = true;
                }
            }
        }

        return connected;
    }
}
