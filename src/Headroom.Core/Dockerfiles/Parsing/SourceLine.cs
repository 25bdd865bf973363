namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// One physical line as BuildKit's scanner gives it: <c>[Start, End)</c> including the "\n";
/// <see cref="ContentEnd"/> is the end after removing every trailing "\r" and "\n" (BuildKit's trimNewline).
/// </summary>
internal readonly record struct SourceLine(int Start, int ContentEnd, int End, int Number);
