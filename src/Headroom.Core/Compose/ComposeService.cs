using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Compose;

/// <summary>One entry of <c>services:</c>.</summary>
public sealed record ComposeService(YamlScalar NameNode, YamlMapping Node, ComposeBuild? Build, IReadOnlyList<YamlNode> Ports)
{
    public string Name => NameNode.Value;

    public LinePosition Start => NameNode.Start;

    public YamlScalar? Image => Node.GetScalar("image");

    /// <summary><c>depends_on</c> service names (list or mapping form).</summary>
    public IReadOnlyList<string> DependsOn => Node["depends_on"] switch
    {
        YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList(),
        YamlMapping map => map.Entries.Select(e => e.KeyText).OfType<string>().ToList(),
        _ => [],
    };
}
