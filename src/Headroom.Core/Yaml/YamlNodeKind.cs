namespace Headroom.Yaml;

public enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
