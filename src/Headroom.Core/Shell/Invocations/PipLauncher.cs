namespace Headroom.Shell.Invocations;

/// <summary>How pip was started.</summary>
public enum PipLauncher
{
    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.12</c>, <c>/usr/local/bin/pip</c>.</summary>
    Pip,

    /// <summary><c>python -m pip</c>, <c>python3.11 -m pip</c>, <c>/opt/venv/bin/python -m pip</c>.</summary>
    PythonModule,

    /// <summary><c>uv pip</c>.</summary>
    UvPip,
}
