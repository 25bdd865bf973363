namespace Headroom.Apk;

/// <summary>What an <c>apk add</c> brings: the packages not yet installed, their installed and download sizes, and the names nothing provides.</summary>
/// <param name="Packages">The new packages, in the order they were reached.</param>
/// <param name="Unresolved">Names (asked for or depended on) that no package in the index provides.</param>
public sealed record ApkClosure(IReadOnlyList<ApkPackage> Packages, IReadOnlyList<string> Unresolved)
{
    /// <summary>The sum of the packages' <c>I:</c> fields.</summary>
    public long InstalledBytes => Packages.Sum(p => p.InstalledBytes);

    /// <summary>The sum of the packages' <c>S:</c> fields (the <c>.apk</c> files downloaded).</summary>
    public long DownloadBytes => Packages.Sum(p => p.Size);

    /// <summary>
    /// The closure of <paramref name="names"/> over <paramref name="index"/>: every dependency that nothing already
    /// installed (by name or by what it provides) satisfies. Conflicts (<c>!name</c>) install nothing; version
    /// constraints are not checked (an index holds one version per name).
    /// </summary>
    public static ApkClosure Compute(ApkIndex index, IEnumerable<string> names, IEnumerable<ApkPackage> installed)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(installed);
        var satisfied = new HashSet<string>(StringComparer.Ordinal);
        foreach (ApkPackage package in installed)
        {
            Satisfy(package);
        }

        var added = new List<ApkPackage>();
        var unresolved = new List<string>();
        var queue = new Queue<ApkDependency>(names.Select(ApkDependency.Parse));
        while (queue.Count > 0)
        {
            ApkDependency dependency = queue.Dequeue();
            if (dependency.Conflict || satisfied.Contains(dependency.Name))
            {
                continue;
            }

            if (index.Resolve(dependency.Name) is not { } package)
            {
                if (!unresolved.Contains(dependency.Name, StringComparer.Ordinal))
                {
                    unresolved.Add(dependency.Name);
                }

                satisfied.Add(dependency.Name);
                continue;
            }

            if (satisfied.Contains(package.Name))
            {
                satisfied.Add(dependency.Name);
                continue;
            }

            added.Add(package);
            Satisfy(package);
            satisfied.Add(dependency.Name);
            foreach (ApkDependency next in package.Depends)
            {
                queue.Enqueue(next);
            }
        }

        return new ApkClosure(added, unresolved);

        void Satisfy(ApkPackage package)
        {
            satisfied.Add(package.Name);
            foreach (string provided in package.Provides)
            {
                satisfied.Add(provided);
            }
        }
    }
}
