namespace Headroom.Python;

/// <summary>
/// The PEP 508 environment markers of a target interpreter. Defaults describe CPython 3.12 on
/// Linux x86_64 (a typical <c>python:3.12</c> image).
/// </summary>
public sealed record MarkerEnvironment
{
    public string PythonVersion { get; init; } = "3.12";

    public string PythonFullVersion { get; init; } = "3.12.0";

    public string OsName { get; init; } = "posix";

    public string SysPlatform { get; init; } = "linux";

    public string PlatformSystem { get; init; } = "Linux";

    public string PlatformMachine { get; init; } = "x86_64";

    public string PlatformRelease { get; init; } = string.Empty;

    public string PlatformVersion { get; init; } = string.Empty;

    public string PlatformPythonImplementation { get; init; } = "CPython";

    public string ImplementationName { get; init; } = "cpython";

    public string ImplementationVersion { get; init; } = "3.12.0";

    /// <summary>The extra being evaluated (<c>extra == "gpu"</c>); empty for none.</summary>
    public string Extra { get; init; } = string.Empty;

    /// <summary>PEP 751's <c>extras</c> set, for <c>'gpu' in extras</c>.</summary>
    public IReadOnlySet<string> Extras { get; init; } = new HashSet<string>();

    /// <summary>PEP 751's <c>dependency_groups</c> set.</summary>
    public IReadOnlySet<string> DependencyGroups { get; init; } = new HashSet<string>();

    /// <summary>The marker variable names this environment knows, with the legacy dotted aliases.</summary>
    public static IReadOnlyCollection<string> VariableNames { get; } =
    [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_system",
        "platform_machine", "platform_release", "platform_version", "platform_python_implementation",
        "implementation_name", "implementation_version", "extra", "extras", "dependency_groups",
        "os.name", "sys.platform", "platform.version", "platform.machine", "platform.python_implementation",
        "python_implementation",
    ];

    /// <summary>The canonical name of a marker variable (legacy dotted names map to the PEP 508 ones), or null.</summary>
    public static string? CanonicalVariable(string name) => name switch
    {
        "os.name" => "os_name",
        "sys.platform" => "sys_platform",
        "platform.version" => "platform_version",
        "platform.machine" => "platform_machine",
        "platform.python_implementation" or "python_implementation" => "platform_python_implementation",
        _ => VariableNames.Contains(name) ? name : null,
    };

    /// <summary>The value of a (canonical) string variable; empty for an unknown one.</summary>
    public string Get(string variable) => variable switch
    {
        "python_version" => PythonVersion,
        "python_full_version" => PythonFullVersion,
        "os_name" => OsName,
        "sys_platform" => SysPlatform,
        "platform_system" => PlatformSystem,
        "platform_machine" => PlatformMachine,
        "platform_release" => PlatformRelease,
        "platform_version" => PlatformVersion,
        "platform_python_implementation" => PlatformPythonImplementation,
        "implementation_name" => ImplementationName,
        "implementation_version" => ImplementationVersion,
        "extra" => Extra,
        _ => string.Empty,
    };

    /// <summary>The markers of a wheel target: CPython (or PyPy) of the target's Python on Linux.</summary>
    public static MarkerEnvironment ForTarget(TargetEnvironment target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string full = $"{target.PythonMajor}.{target.PythonMinor}.{target.PythonMicro}";
        bool pypy = target.Implementation == "pp";
        return new MarkerEnvironment
        {
            PythonVersion = $"{target.PythonMajor}.{target.PythonMinor}",
            PythonFullVersion = full,
            OsName = "posix",
            SysPlatform = "linux",
            PlatformSystem = "Linux",
            PlatformMachine = target.Architecture,
            PlatformPythonImplementation = pypy ? "PyPy" : "CPython",
            ImplementationName = pypy ? "pypy" : "cpython",
            ImplementationVersion = full,
        };
    }
}
