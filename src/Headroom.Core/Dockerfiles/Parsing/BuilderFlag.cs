namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// A flag word as BuildKit's <c>extractBuilderFlags</c> returns it (<see cref="Raw"/>), the same word
/// decoded as proper Unicode (<see cref="Text"/>), and where it sits in the logical line.
/// </summary>
internal readonly record struct BuilderFlag(string Raw, string Text, int Start, int End);
