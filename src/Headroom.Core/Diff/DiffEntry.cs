namespace Headroom.Diff;

/// <summary>A package or component of one side, before matching: <paramref name="Key"/> decides what matches.</summary>
internal readonly record struct DiffEntry(string Key, string Ecosystem, string Name, string Version, long Bytes, bool Exact);
