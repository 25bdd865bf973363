namespace Headroom.Python;

/// <summary>
/// The interpreter and platform that wheels are chosen for: a CPython (or PyPy) version on Linux with
/// an architecture and a C library version (glibc 2.36 on Debian bookworm, musl 1.2 on Alpine).
/// </summary>
public sealed record TargetEnvironment
{
    /// <summary>The implementation's wheel tag prefix: <c>cp</c> (CPython) or <c>pp</c> (PyPy).</summary>
    public string Implementation { get; init; } = "cp";

    public int PythonMajor { get; init; } = 3;

    public int PythonMinor { get; init; } = 12;

    public int PythonMicro { get; init; }

    /// <summary><c>x86_64</c> or <c>aarch64</c> (also <c>i686</c>, <c>armv7l</c>, <c>ppc64le</c>, <c>s390x</c>).</summary>
    public string Architecture { get; init; } = "x86_64";

    public LibcKind Libc { get; init; } = LibcKind.Glibc;

    public int LibcMajor { get; init; } = 2;

    public int LibcMinor { get; init; } = 36;

    /// <summary>A free-threaded CPython build (<c>cp313t</c>).</summary>
    public bool FreeThreaded { get; init; }

    /// <summary>The interpreter tag: <c>cp312</c>.</summary>
    public string InterpreterTag => $"{Implementation}{PythonMajor}{PythonMinor}";

    /// <summary>The ABI tag of the interpreter: <c>cp312</c>, <c>cp37m</c> before 3.8, <c>cp313t</c> free-threaded.</summary>
    public string Abi => Implementation == "cp"
        ? InterpreterTag + (FreeThreaded ? "t" : PythonMajor == 3 && PythonMinor < 8 ? "m" : string.Empty)
        : $"pypy{PythonMajor}{PythonMinor}_pp73";

    /// <summary>A CPython target on glibc Linux.</summary>
    public static TargetEnvironment Manylinux(int minor, string architecture = "x86_64", int glibcMinor = 36) =>
        new() { PythonMinor = minor, Architecture = architecture, LibcMinor = glibcMinor };

    /// <summary>A CPython target on musl Linux (Alpine).</summary>
    public static TargetEnvironment Musllinux(int minor, string architecture = "x86_64", int muslMinor = 2) =>
        new() { PythonMinor = minor, Architecture = architecture, Libc = LibcKind.Musl, LibcMajor = 1, LibcMinor = muslMinor };

    public override string ToString() =>
        $"{InterpreterTag} linux {Architecture} {(Libc == LibcKind.Glibc ? "glibc" : "musl")} {LibcMajor}.{LibcMinor}";
}
