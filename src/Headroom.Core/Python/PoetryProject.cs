using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Python;

/// <summary>
/// What <c>poetry install</c> starts from in a pyproject.toml, for a poetry.lock that records no groups (lock 2.0):
/// the project's dependencies (<c>[project] dependencies</c>, <c>[tool.poetry.dependencies]</c> without
/// <c>python</c>) in the <c>main</c> group, each <c>[tool.poetry.group.NAME.dependencies]</c> (and 1.x's
/// <c>[tool.poetry.dev-dependencies]</c> as <c>dev</c>), and the groups marked <c>optional = true</c>.
/// </summary>
public static class PoetryProject
{
    public static (IReadOnlyList<(string Group, LockedDependency Dependency)> Roots, IReadOnlySet<string> OptionalGroups) Read(SourceText pyproject)
    {
        ArgumentNullException.ThrowIfNull(pyproject);
        var diagnostics = new List<Diagnostic>();
        Dictionary<string, object> root = TomlTree.Read(pyproject, diagnostics);
        var roots = new List<(string, LockedDependency)>();
        foreach (TomlString text in TomlTree.Array(TomlTree.Table(root, "project"), "dependencies").OfType<TomlString>())
        {
            if (Requirement.TryParse(text.Value, out Requirement? requirement, out _))
            {
                roots.Add(("main", new LockedDependency(requirement.Name, requirement.Marker, requirement.Extras, null, null)));
            }
        }

        Dictionary<string, object>? poetry = TomlTree.Table(root, "tool", "poetry");
        roots.AddRange(Table(TomlTree.Table(poetry, "dependencies")).Select(d => ("main", d)));
        roots.AddRange(Table(TomlTree.Table(poetry, "dev-dependencies")).Select(d => ("dev", d)));
        var optional = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string group, object value) in TomlTree.Table(poetry, "group") ?? [])
        {
            var table = value as Dictionary<string, object>;
            if (TomlTree.Boolean(table, "optional") == true)
            {
                optional.Add(group);
            }

            roots.AddRange(Table(TomlTree.Table(table, "dependencies")).Select(d => (group, d)));
        }

        return (roots, optional);
    }

    /// <summary><c>name = "^1.0"</c> or <c>name = { version, markers, extras, optional }</c> (optional ones come in through extras).</summary>
    private static IEnumerable<LockedDependency> Table(Dictionary<string, object>? table)
    {
        foreach ((string name, object value) in table ?? [])
        {
            var d = value as Dictionary<string, object>;
            if (name == "python" || TomlTree.Boolean(d, "optional") == true)
            {
                continue;
            }

            Marker? marker = TomlTree.String(d, "markers") is { } m && Marker.TryParse(m.Value, out Marker? parsed, out _) ? parsed : null;
            yield return new LockedDependency(name, marker, [.. TomlTree.Array(d, "extras").OfType<TomlString>().Select(s => s.Value)], null, null);
        }
    }
}
