using System.Diagnostics.CodeAnalysis;

namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// The variables a word is expanded against (BuildKit's EnvGetter). Names are case-sensitive, as on Linux.
/// </summary>
public interface IVariableLookup
{
    /// <summary>True when <paramref name="name"/> is set; an empty value is still set.</summary>
    bool TryGetValue(string name, [MaybeNullWhen(false)] out string value);
}
