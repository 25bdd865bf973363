using Headroom.Workflows;

namespace Headroom.Knowledge;

/// <summary>Versions from <see cref="Minimum"/> (inclusive) to <see cref="Below"/> (exclusive).</summary>
public readonly record struct ActionVersionRange(ActionVersion Minimum, ActionVersion Below)
{
    public bool Contains(ActionVersion version) => version >= Minimum && version < Below;

    public override string ToString() => $">={Minimum}, <{Below}";
}
