namespace Headroom.Apt;

/// <summary>
/// Computes what <c>apt-get install PKG...</c> would unpack on top of a base image, the way apt's
/// resolver decides in the common case: for each package taken (breadth first, in command-line order),
/// its Pre-Depends and Depends, and its Recommends when they are installed; an OR-group already
/// satisfied by the base image or by the closure so far needs nothing, otherwise its first alternative
/// that has an installable candidate is taken (a virtual name resolves to the provider with the
/// highest Priority, then the first by name); an installed package whose version does not satisfy a
/// relation is upgraded to its candidate. Conflicts, Breaks and pinning are not modelled. The result
/// is deterministic for the same index and base.
/// </summary>
public sealed class AptClosureCalculator
{
    private readonly AptPackageIndex _index;
    private readonly Dictionary<string, AptPackage> _installed = new(StringComparer.Ordinal);

    /// <param name="index">What the mirror offers.</param>
    /// <param name="installed">The base image's installed packages (dpkg status), or none.</param>
    public AptClosureCalculator(AptPackageIndex index, IEnumerable<AptPackage>? installed = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        foreach (AptPackage package in installed ?? [])
        {
            _installed[package.Name] = package;
        }
    }

    /// <summary>
    /// The closure of <paramref name="operands"/>: package names as <c>apt-get install</c> takes them
    /// (<c>curl</c>, <c>curl=7.88.1-10</c>, <c>curl/bookworm</c>, <c>curl:amd64</c>).
    /// </summary>
    public AptClosure Compute(IEnumerable<string> operands, bool installRecommends)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var run = new Run(this, installRecommends);
        foreach (string operand in operands)
        {
            run.Request(operand);
        }

        run.Drain();
        return new AptClosure([.. run.Marked.Values.OrderBy(e => e.Package.Name, StringComparer.Ordinal)], run.Unresolved, installRecommends);
    }

    private sealed class Run(AptClosureCalculator owner, bool installRecommends)
    {
        private readonly Queue<AptPackage> _queue = new();
        private readonly Dictionary<string, List<(AptPackage Package, AptRelation Provided)>> _markedProvides = new(StringComparer.Ordinal);

        public Dictionary<string, AptClosureEntry> Marked { get; } = new(StringComparer.Ordinal);

        public List<AptUnresolved> Unresolved { get; } = [];

        private AptPackageIndex Index => owner._index;

        private Dictionary<string, AptPackage> Installed => owner._installed;

        public void Request(string operand)
        {
            string name = operand.Trim();
            string? version = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                version = name[(eq + 1)..];
                name = name[..eq];
            }

            int slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                name = name[..slash];
            }

            int colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                string arch = name[(colon + 1)..];
                name = name[..colon];
                if (arch != Index.Architecture && arch != "all" && arch != "any" && arch != "native")
                {
                    Unresolved.Add(new AptUnresolved(operand, null, $"architecture {arch} is not the index's ({Index.Architecture})"));
                    return;
                }
            }

            AptPackage? chosen;
            if (version is not null)
            {
                chosen = Index.Versions(name).FirstOrDefault(p => p.Version.Text == version || (DebianVersion.TryParse(version, out DebianVersion? v, out _) && p.Version == v));
                if (chosen is null)
                {
                    Unresolved.Add(new AptUnresolved(operand, null, Index.Versions(name).Count == 0 ? $"no package {name}" : $"version {version} of {name} is not available"));
                    return;
                }
            }
            else
            {
                chosen = Index.Candidate(name);
                if (chosen is null && IsSatisfied(new AptRelation(name, null, AptRelationOperator.Any, null, [])))
                {
                    // Installed (or, for a virtual name, provided by an installed package): nothing to do.
                    return;
                }

                if (chosen is null)
                {
                    var providers = Index.Providers(name);
                    if (providers.Count == 1)
                    {
                        chosen = providers[0].Package;
                    }
                    else
                    {
                        Unresolved.Add(new AptUnresolved(operand, null, providers.Count == 0
                            ? $"no package {name}"
                            : $"{name} is a virtual package provided by {string.Join(", ", providers.Select(p => p.Package.Name).Distinct().Order(StringComparer.Ordinal))}: apt asks to pick one"));
                        return;
                    }
                }
            }

            if (Installed.TryGetValue(chosen.Name, out AptPackage? present) && present.Version >= chosen.Version && version is null)
            {
                // apt-get install of an installed package at its candidate version does nothing.
                return;
            }

            Mark(chosen, AptClosureReason.Requested, null, null);
        }

        public void Drain()
        {
            while (_queue.TryDequeue(out AptPackage? package))
            {
                Expand(package, package.PreDepends, AptClosureReason.PreDepends);
                Expand(package, package.Depends, AptClosureReason.Depends);
                if (installRecommends)
                {
                    Expand(package, package.Recommends, AptClosureReason.Recommends);
                }
            }
        }

        private void Expand(AptPackage package, IReadOnlyList<IReadOnlyList<AptRelation>> groups, AptClosureReason reason)
        {
            foreach (IReadOnlyList<AptRelation> group in groups)
            {
                var alternatives = group.Where(r => r.AppliesTo(Index.Architecture)).ToList();
                if (alternatives.Count == 0 || alternatives.Any(IsSatisfied))
                {
                    continue;
                }

                (AptPackage? choice, AptRelation? relation) = Choose(alternatives);
                if (choice is not null)
                {
                    Mark(choice, reason, package.Name, relation!.ToString());
                }
                else if (reason != AptClosureReason.Recommends)
                {
                    // apt skips a Recommends it cannot satisfy; a missing dependency stops it.
                    string text = string.Join(" | ", alternatives);
                    Unresolved.Add(new AptUnresolved(text, package.Name, $"no available package satisfies {text}"));
                }
            }
        }

        private void Mark(AptPackage package, AptClosureReason reason, string? requiredBy, string? relation)
        {
            if (Marked.ContainsKey(package.Name))
            {
                return;
            }

            DebianVersion? installedVersion = Installed.TryGetValue(package.Name, out AptPackage? present) ? present.Version : null;
            Marked[package.Name] = new AptClosureEntry(package, reason, requiredBy, relation, installedVersion);
            foreach (AptRelation provided in package.Provides)
            {
                if (!_markedProvides.TryGetValue(provided.Name, out var list))
                {
                    _markedProvides[provided.Name] = list = [];
                }

                list.Add((package, provided));
            }

            _queue.Enqueue(package);
        }

        /// <summary>Whether the base image or the closure so far satisfies <paramref name="relation"/> (real packages, then Provides).</summary>
        private bool IsSatisfied(AptRelation relation)
        {
            if (Marked.TryGetValue(relation.Name, out AptClosureEntry? marked))
            {
                if (relation.IsSatisfiedBy(marked.Package.Version))
                {
                    return true;
                }
            }
            else if (Installed.TryGetValue(relation.Name, out AptPackage? present) && relation.IsSatisfiedBy(present.Version))
            {
                return true;
            }

            if (_markedProvides.TryGetValue(relation.Name, out var provided) && provided.Any(p => ProvidesSatisfy(p.Provided, relation)))
            {
                return true;
            }

            return Installed.Values.Any(p => !Marked.ContainsKey(p.Name) && p.Provides.Any(r => r.Name == relation.Name && ProvidesSatisfy(r, relation)));
        }

        /// <summary>The first alternative with an installable candidate: the real package, else its best provider.</summary>
        private (AptPackage? Package, AptRelation? Relation) Choose(List<AptRelation> alternatives)
        {
            foreach (AptRelation relation in alternatives)
            {
                AptPackage? candidate = Index.Candidate(relation.Name);
                if (candidate is not null && relation.IsSatisfiedBy(candidate.Version))
                {
                    return (candidate, relation);
                }

                AptPackage? provider = Index.Providers(relation.Name)
                    .Where(p => ProvidesSatisfy(p.Provided, relation) && !Marked.ContainsKey(p.Package.Name))
                    .Select(p => p.Package)
                    .OrderBy(p => p.PriorityRank)
                    .ThenBy(p => p.Name, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (provider is not null)
                {
                    return (provider, relation);
                }
            }

            return (null, null);
        }

        /// <summary>Debian policy 7.5: an unversioned Provides satisfies only unversioned relations.</summary>
        private static bool ProvidesSatisfy(AptRelation provided, AptRelation relation) =>
            relation.Version is null || (provided.Version is not null && relation.IsSatisfiedBy(provided.Version));
    }
}
