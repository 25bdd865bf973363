namespace Headroom.Python;

public enum LockFileKind
{
    /// <summary><c>uv.lock</c></summary>
    Uv,

    /// <summary>PEP 751 <c>pylock.toml</c> / <c>pylock.*.toml</c></summary>
    Pylock,

    /// <summary><c>poetry.lock</c></summary>
    Poetry,
}
