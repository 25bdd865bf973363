using Headroom.Text;

namespace Headroom.Dockerfiles;

/// <summary>
/// A flag before an instruction's arguments, such as <c>--mount=type=cache,target=/root/.cache</c>.
/// <see cref="Raw"/> is the text BuildKit keeps (its Node.Flags entry, what the dump prints): quotes and
/// escapes removed, and non-ASCII bytes turned into Latin-1 characters as BuildKit does ("é" gives "Ã©").
/// <see cref="Name"/> (no dashes) and <see cref="Value"/> (null for a flag without "=") are decoded as
/// proper Unicode. <see cref="Span"/> covers the flag word in the source.
/// </summary>
public sealed record InstructionFlag(string Raw, string Name, string? Value, TextSpan Span);
