namespace Headroom.Rules.Dockerfile;

/// <summary>What a layer writes or a cleanup removes (DF005).</summary>
internal enum LayerContent
{
    /// <summary>Paths (COPY/ADD destinations, APT's lists and documentation, paths given to rm).</summary>
    Files,
    PipCache,
    UvCache,
    AptArchives,
    NpmCache,
}
