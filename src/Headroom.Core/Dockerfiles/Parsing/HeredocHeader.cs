namespace Headroom.Dockerfiles.Parsing;

/// <summary>A heredoc announced on an instruction line, before its body is read.</summary>
internal sealed record HeredocHeader(string Name, bool Expand, bool StripTabs, ulong? FileDescriptor);
