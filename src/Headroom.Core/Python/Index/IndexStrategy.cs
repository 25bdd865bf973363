namespace Headroom.Python.Index;

/// <summary>How the files of several indexes combine (the installer decides, so the Dockerfile's command does).</summary>
public enum IndexStrategy
{
    /// <summary>
    /// pip: <c>--index-url</c>, every <c>--extra-index-url</c> and the <c>-f</c> pages are one pool, and the best
    /// version wins wherever it is (there is no priority), which is why <c>--extra-index-url …/whl/cpu</c> can
    /// still bring CUDA torch from PyPI.
    /// </summary>
    PipBestMatch,

    /// <summary>uv's default <c>first-index</c>: the first index (in priority order) that has the project supplies all its candidates.</summary>
    UvFirstIndex,

    /// <summary>uv's <c>unsafe-best-match</c>: every index is one pool, as with pip.</summary>
    UvUnsafeBestMatch,
}
