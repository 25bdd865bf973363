namespace Headroom.Shell.Invocations;

public enum CondaCommandKind
{
    None,
    Install,
    Create,
    Update,
    Remove,
    Clean,

    /// <summary><c>conda env create</c>.</summary>
    EnvCreate,

    /// <summary><c>conda env update</c>.</summary>
    EnvUpdate,
    Other,
}
