namespace Headroom.Python.Resolution;

/// <summary>What a resolution cost: rounds, backtracks and repository calls.</summary>
/// <param name="Rounds">Resolver rounds (one pin or one backtrack each).</param>
/// <param name="Backtracks">How often the resolver went back to an earlier state.</param>
/// <param name="ListingFetches">Project file listings requested from the repository.</param>
/// <param name="MetadataFetches">Core metadata requests made to the repository (prefetched ones included).</param>
/// <param name="MetadataUsed">Distinct (name, version) metadata the resolution actually read.</param>
public sealed record ResolutionStatistics(int Rounds, int Backtracks, int ListingFetches, int MetadataFetches, int MetadataUsed);
