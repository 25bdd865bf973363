using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// A flag before an instruction's arguments, such as <c>--mount=type=cache,target=/root/.cache</c>.
/// <see cref="Raw"/> is the text BuildKit keeps (its Node.Flags entry); <see cref="Name"/> has no dashes;
/// <see cref="Value"/> is null for a flag without "=".
/// </summary>
public sealed record InstructionFlag(string Raw, string Name, string? Value, TextSpan Span);
