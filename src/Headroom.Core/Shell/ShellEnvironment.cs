using System.Collections.Immutable;

namespace Headroom.Shell;

/// <summary>
/// The variables the script itself set (assignments, <c>export</c>, <c>declare -x</c>, <c>unset</c>) as seen by one
/// command, including the command's own prefix assignments. Variables from outside the script (Dockerfile ENV,
/// the workflow's env) are not here: callers combine them.
/// </summary>
public sealed class ShellEnvironment
{
    private readonly ImmutableDictionary<string, ShellVariable?> _variables;

    private ShellEnvironment(ImmutableDictionary<string, ShellVariable?> variables) => _variables = variables;

    public static ShellEnvironment Empty { get; } = new(ImmutableDictionary<string, ShellVariable?>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>
    /// An initial environment of exported variables, e.g. the Dockerfile's ENV at a RUN or a workflow step's env,
    /// for <see cref="ShellScript.Analyze(string, ShellEnvironment)"/>. A null value means "set, value unknown".
    /// </summary>
    public static ShellEnvironment FromExported(IEnumerable<KeyValuePair<string, string?>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ShellEnvironment environment = Empty;
        foreach ((string name, string? value) in variables)
        {
            environment = environment.Set(new ShellVariable(name, value, IsExported: true, default, IsInherited: true));
        }

        return environment;
    }

    /// <summary>The variables set and not unset.</summary>
    public IEnumerable<ShellVariable> Variables => _variables.Values.Where(v => v is not null).Select(v => v!).OrderBy(v => v.Name, StringComparer.Ordinal);

    /// <summary>The variable, or null when the script did not set it (or unset it).</summary>
    public ShellVariable? Find(string name) => _variables.GetValueOrDefault(name);

    /// <summary>True when the script ran <c>unset NAME</c> (and did not set it again): an outer ENV value is gone too.</summary>
    public bool IsUnset(string name) => _variables.TryGetValue(name, out ShellVariable? v) && v is null;

    /// <summary>True when the variable is set and exported to the commands the script runs.</summary>
    public bool IsExported(string name) => Find(name) is { IsExported: true };

    internal ShellEnvironment Set(ShellVariable variable) => new(_variables.SetItem(variable.Name, variable));

    internal ShellEnvironment Unset(string name) => new(_variables.SetItem(name, null));

    /// <summary>Only the exported variables: what a child shell (<c>sh -c</c>) inherits.</summary>
    internal ShellEnvironment ExportedOnly()
    {
        if (_variables.Values.All(v => v is null || v.IsExported))
        {
            return this;
        }

        return new(_variables.Where(p => p.Value is null || p.Value.IsExported).ToImmutableDictionary(StringComparer.Ordinal));
    }
}
