using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>A parser directive such as <c># syntax=docker/dockerfile:1</c>; the name is lower case.</summary>
public sealed record ParserDirective(string Name, string Value, TextSpan Span, int Line);
