namespace Headroom.Project;

/// <summary>A file found under a checked root.</summary>
/// <param name="FullPath">The absolute path.</param>
/// <param name="RelativePath">The path relative to the root, with '/' separators (the file name for a single-file root).</param>
/// <param name="Kind">What Headroom reads it as.</param>
public sealed record ProjectFile(string FullPath, string RelativePath, ProjectFileKind Kind);
