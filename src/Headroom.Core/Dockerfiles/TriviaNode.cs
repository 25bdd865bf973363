namespace Headroom.Dockerfiles;

/// <summary>A line (or BOM) between instructions that carries no instruction.</summary>
public sealed class TriviaNode : DockerfileNode
{
    public required TriviaKind Kind { get; init; }
}
