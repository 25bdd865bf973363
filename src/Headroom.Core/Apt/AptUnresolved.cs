namespace Headroom.Apt;

/// <summary>A request or a relation that no available package satisfies (apt would stop with an error).</summary>
/// <param name="Relation">The operand or relation as written.</param>
/// <param name="RequiredBy">The package whose relation it is, or null for a command-line operand.</param>
/// <param name="Reason">One line: why nothing satisfies it.</param>
public sealed record AptUnresolved(string Relation, string? RequiredBy, string Reason);
