namespace Headroom.Shell.Invocations;

public enum PipCommandKind
{
    /// <summary>No subcommand (<c>pip --version</c>).</summary>
    None,
    Install,
    Uninstall,
    Download,
    Wheel,

    /// <summary><c>uv pip sync requirements.txt</c>: installs exactly the files given.</summary>
    Sync,

    /// <summary><c>pip cache purge</c>.</summary>
    CachePurge,

    /// <summary><c>pip cache remove PATTERN</c>.</summary>
    CacheRemove,

    /// <summary>Another <c>pip cache</c> subcommand (<c>dir</c>, <c>info</c>, <c>list</c>).</summary>
    Cache,

    /// <summary>Any other subcommand (<c>freeze</c>, <c>list</c>, <c>show</c>, <c>compile</c>, ...).</summary>
    Other,
}
