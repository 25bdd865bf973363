using Headroom.Yaml;

namespace Headroom.Compose;

/// <summary>
/// A service's <c>build:</c>, short form ("build: ./backend", only <see cref="Context"/>) or long form.
/// <see cref="Args"/> holds name and value nodes from either the mapping or the "NAME=value" list form
/// (value null for a bare "NAME").
/// </summary>
public sealed record ComposeBuild(YamlNode Node, YamlScalar? Context, YamlScalar? Dockerfile, YamlScalar? Target, IReadOnlyList<ComposeBuildArg> Args)
{
    /// <summary>The context path, "." when not given (Compose's default).</summary>
    public string ContextPath => Context?.Value ?? ".";

    /// <summary>The Dockerfile path relative to the context, "Dockerfile" when not given.</summary>
    public string DockerfilePath => Dockerfile?.Value ?? "Dockerfile";

    internal static ComposeBuild? From(YamlNode? node)
    {
        switch (node)
        {
            case YamlScalar s when !s.IsNull:
                return new ComposeBuild(s, s, null, null, []);
            case YamlMapping m:
                var args = new List<ComposeBuildArg>();
                switch (m["args"])
                {
                    case YamlMapping map:
                        args.AddRange(map.Entries.Where(e => e.KeyText is not null)
                            .Select(e => new ComposeBuildArg(e.KeyText!, e.Value is YamlScalar { IsNull: false } v ? v.Value : null, e.Key)));
                        break;
                    case YamlSequence seq:
                        foreach (YamlScalar item in seq.Items.OfType<YamlScalar>())
                        {
                            int eq = item.Value.IndexOf('=', StringComparison.Ordinal);
                            args.Add(eq < 0
                                ? new ComposeBuildArg(item.Value, null, item)
                                : new ComposeBuildArg(item.Value[..eq], item.Value[(eq + 1)..], item));
                        }

                        break;
                }

                return new ComposeBuild(m, m.GetScalar("context"), m.GetScalar("dockerfile"), m.GetScalar("target"), args);
            default:
                return null;
        }
    }
}
