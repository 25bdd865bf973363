namespace Headroom.Python;

/// <summary>
/// The packages of a lock file that an install puts into one target environment (markers evaluated for the
/// stage's Python and platform), as the installers choose them:
/// <list type="bullet">
/// <item>uv.lock: a walk from the project (the package whose source is the project folder) along its
/// <c>dependencies</c>, the <c>optional-dependencies</c> of the extras asked for and the <c>dev-dependencies</c>
/// of the groups asked for, each edge's marker evaluated, a dependency's <c>extra</c> turning on its extras; a
/// name locked at several versions is told apart by the edge's <c>version</c>/<c>source</c>, else by the
/// package's <c>resolution-markers</c>.</item>
/// <item>pylock.toml (PEP 751): every package whose <c>marker</c> holds, with <c>extras</c> and
/// <c>dependency_groups</c> set to what is asked for (<c>default-groups</c> when nothing is).</item>
/// <item>poetry.lock: with <c>groups</c> (lock 2.1) or <c>category</c> (before 2.0), every package of a group asked
/// for whose marker holds; without (lock 2.0), a walk from pyproject.toml's dependencies along
/// <c>[package.dependencies]</c> (optional ones only through an extra that lists them).</item>
/// </list>
/// Local projects (the project itself, workspace members) are walked through but not returned.
/// </summary>
public static class LockSelection
{
    /// <summary>The packages chosen, in the lock's order, each with the package that first required it (null for a root).</summary>
    public static IReadOnlyList<(LockedPackage Package, string? RequiredBy)> Select(LockFile lockFile, MarkerEnvironment environment, LockRequest request, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notes);
        Dictionary<LockedPackage, string?> chosen = lockFile.Kind switch
        {
            LockFileKind.Pylock => Pylock(lockFile, environment, request),
            LockFileKind.Poetry when lockFile.Packages.Any(p => p.Groups is not null) => PoetryGroups(lockFile, environment, request),
            _ => Walk(lockFile, environment, request, notes),
        };
        return [.. lockFile.Packages.Where(p => !p.IsLocalProject && chosen.ContainsKey(p)).Select(p => (p, chosen[p]))];
    }

    private static Dictionary<LockedPackage, string?> Pylock(LockFile lockFile, MarkerEnvironment environment, LockRequest request)
    {
        HashSet<string> groups = Groups(request, lockFile.DefaultGroups, lockFile.DependencyGroups);
        MarkerEnvironment with = environment with
        {
            Extras = request.AllExtras ? lockFile.Extras.ToHashSet(StringComparer.Ordinal) : request.Extras,
            DependencyGroups = groups,
        };
        return lockFile.Packages.Where(p => p.Marker is null || p.Marker.Evaluate(with)).ToDictionary(p => p, _ => (string?)null);
    }

    private static Dictionary<LockedPackage, string?> PoetryGroups(LockFile lockFile, MarkerEnvironment environment, LockRequest request)
    {
        string[] all = [.. lockFile.Packages.SelectMany(p => p.Groups ?? []).Distinct(StringComparer.Ordinal)];
        HashSet<string> groups = Groups(request, all, all);
        var chosen = new Dictionary<LockedPackage, string?>();
        foreach (LockedPackage package in lockFile.Packages)
        {
            foreach (string group in (package.Groups ?? ["main"]).Where(groups.Contains))
            {
                Marker? marker = package.GroupMarkers.TryGetValue(group, out Marker? m) ? m : package.Marker;
                if (marker is null || Holds(marker, environment, request, lockFile))
                {
                    chosen[package] = null;
                    break;
                }
            }
        }

        return chosen;
    }

    /// <summary>A marker that may name <c>extra</c>: true when it holds with no extra or with any extra asked for.</summary>
    private static bool Holds(Marker marker, MarkerEnvironment environment, LockRequest request, LockFile lockFile)
    {
        IEnumerable<string> extras = request.AllExtras
            ? lockFile.Packages.SelectMany(p => p.OptionalDependencies.Keys).Distinct(StringComparer.Ordinal)
            : request.Extras;
        return marker.Evaluate(environment) || extras.Any(e => marker.Evaluate(environment with { Extra = e }));
    }

    private static HashSet<string> Groups(LockRequest request, IEnumerable<string> defaults, IEnumerable<string> all)
    {
        var groups = new HashSet<string>(request.AllGroups ? all : request.Groups ?? defaults, StringComparer.Ordinal);
        groups.ExceptWith(request.ExcludedGroups);
        return groups;
    }

    private static Dictionary<LockedPackage, string?> Walk(LockFile lockFile, MarkerEnvironment environment, LockRequest request, ICollection<string> notes)
    {
        var chosen = new Dictionary<LockedPackage, string?>();
        var expanded = new HashSet<(LockedPackage, string?)>();
        var queue = new Queue<(LockedDependency Edge, string? Parent)>();
        if (lockFile.Kind == LockFileKind.Uv)
        {
            LockedPackage[] projects = [.. lockFile.Packages.Where(p => p.IsLocalProject && p.Source == ".")];
            if (projects.Length == 0)
            {
                projects = [.. lockFile.Packages.Where(p => p.IsLocalProject)];
            }

            HashSet<string> groups = Groups(request, ["dev"], projects.SelectMany(p => p.DependencyGroups.Keys));
            foreach (LockedPackage project in projects)
            {
                chosen[project] = null;
                IEnumerable<LockedDependency> edges = request.OnlyGroups ? [] : project.Dependencies.Concat(
                    project.OptionalDependencies.Where(e => request.AllExtras || request.Extras.Contains(e.Key)).SelectMany(e => e.Value));
                foreach (LockedDependency edge in edges.Concat(project.DependencyGroups.Where(g => groups.Contains(g.Key)).SelectMany(g => g.Value)))
                {
                    queue.Enqueue((edge, project.Name));
                }

                expanded.Add((project, null));
            }
        }
        else
        {
            HashSet<string> groups = Groups(request, request.Roots.Select(r => r.Group), request.Roots.Select(r => r.Group));
            foreach ((string group, LockedDependency edge) in request.Roots.Where(r => groups.Contains(r.Group)))
            {
                queue.Enqueue((edge, null));
            }
        }

        var missing = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out (LockedDependency Edge, string? Parent) item))
        {
            (LockedDependency edge, string? parent) = item;
            if (edge.Marker is { } marker && !marker.Evaluate(environment))
            {
                continue;
            }

            if (Find(lockFile, edge, environment) is not { } package)
            {
                if (missing.Add(edge.NormalizedName))
                {
                    notes.Add($"{edge.Name}{(parent is null ? string.Empty : $" (required by {parent})")} is not in the lock file: not counted");
                }

                continue;
            }

            chosen.TryAdd(package, parent);
            foreach (string? extra in edge.Extras.Prepend(null))
            {
                if (!expanded.Add((package, extra)))
                {
                    continue;
                }

                IReadOnlyList<LockedDependency> next = extra is null
                    ? [.. package.Dependencies.Where(d => !d.Optional)]
                    : package.OptionalDependencies.TryGetValue(extra, out IReadOnlyList<LockedDependency>? listed) ? Optionals(package, listed) : [];
                foreach (LockedDependency dependency in next)
                {
                    queue.Enqueue((dependency, package.Name));
                }
            }
        }

        return chosen;
    }

    /// <summary>An extra's dependencies: uv lists the edges; poetry lists names whose edges (markers, extras) are the optional dependencies.</summary>
    private static IReadOnlyList<LockedDependency> Optionals(LockedPackage package, IReadOnlyList<LockedDependency> listed) =>
        [.. listed.SelectMany(l => package.Dependencies.Where(d => d.Optional && d.NormalizedName == l.NormalizedName) is var edges && edges.Any() ? edges : [l])];

    /// <summary>The locked package an edge points at: by name, then the edge's version and source, then the resolution markers.</summary>
    private static LockedPackage? Find(LockFile lockFile, LockedDependency edge, MarkerEnvironment environment)
    {
        LockedPackage[] candidates = [.. lockFile.Find(edge.Name)];
        if (candidates.Length > 1 && edge.Version is { } version)
        {
            candidates = [.. candidates.Where(c => c.Version == version)];
        }

        if (candidates.Length > 1 && edge.Source is { } source)
        {
            candidates = [.. candidates.Where(c => c.Source == source)];
        }

        return candidates.Length <= 1
            ? candidates.FirstOrDefault()
            : candidates.FirstOrDefault(c => c.ResolutionMarkers.Any(m => m.Evaluate(environment))) ?? candidates[0];
    }
}
