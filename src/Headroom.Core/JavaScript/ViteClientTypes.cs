namespace Headroom.JavaScript;

/// <summary>The answer to "is vite/client in effect for this file", with the reasons either way.</summary>
public sealed record ViteClientTypes(bool InEffect, bool FileIncluded, string? ConfigPath, IReadOnlyList<string> Reasons);
