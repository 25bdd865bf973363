using Headroom.Python;

namespace Headroom.Tests.Python;

public sealed class MarkerTests
{
    private static readonly MarkerEnvironment Linux312 = new()
    {
        PythonVersion = "3.12",
        PythonFullVersion = "3.12.4",
        PlatformRelease = "6.8.0-1010-azure",
    };

    [Theory]
    [InlineData("python_version >= '3.8'", true)]
    [InlineData("python_version < '3.12'", false)]
    [InlineData("python_version == '3.12'", true)]
    [InlineData("python_version == '3.12.0'", true)]
    [InlineData("python_version ~= '3.10'", true)]
    [InlineData("python_version == '3.*'", true)]
    [InlineData("python_version != '3.12.*'", false)]
    [InlineData("python_full_version >= '3.12.4'", true)]
    [InlineData("python_full_version < '3.12.4'", false)]
    [InlineData("'3.13' > python_version", true)]
    [InlineData("sys_platform == 'linux'", true)]
    [InlineData("sys_platform == \"win32\"", false)]
    [InlineData("sys_platform != 'darwin'", true)]
    [InlineData("platform_system == 'Linux' and platform_machine == 'x86_64'", true)]
    [InlineData("platform_machine == 'aarch64' or platform_machine == 'x86_64'", true)]
    [InlineData("platform_machine == 'aarch64' or platform_machine == 'arm64' and sys_platform == 'linux'", false)]
    [InlineData("(platform_machine == 'aarch64' or platform_machine == 'x86_64') and sys_platform == 'darwin'", false)]
    [InlineData("sys_platform == 'darwin' or (python_version < '3.13' and os_name == 'posix')", true)]
    [InlineData("'linux' in sys_platform", true)]
    [InlineData("'lin' in sys_platform", true)]
    [InlineData("'win' not in sys_platform", true)]
    [InlineData("platform_machine in 'x86_64 aarch64'", true)]
    [InlineData("implementation_name == 'cpython'", true)]
    [InlineData("platform_python_implementation == 'CPython'", true)]
    [InlineData("python_implementation == 'PyPy'", false)]
    [InlineData("os.name == 'posix'", true)]
    [InlineData("sys.platform == 'linux'", true)]
    [InlineData("platform_release >= '6'", true)] // not a version: string comparison
    [InlineData("platform_release < '5'", false)]
    [InlineData("extra == 'gpu'", false)]
    [InlineData("implementation_version >= '3.12.0b1'", true)]
    [InlineData("python_version=='3.12'and sys_platform=='linux'", true)]
    public void Markers_evaluate_against_the_environment(string marker, bool expected)
    {
        Assert.True(Marker.TryParse(marker, out Marker? m, out string? error), error);
        Assert.Equal(expected, m.Evaluate(Linux312));
    }

    [Theory]
    [InlineData("extra == 'GPU'", "gpu", true)]
    [InlineData("extra == 'cuda_12'", "cuda-12", true)]
    [InlineData("extra == 'gpu'", "", false)]
    [InlineData("extra != 'gpu'", "", true)]
    public void Extra_compares_normalized_names(string marker, string extra, bool expected) =>
        Assert.Equal(expected, Marker.Parse(marker).Evaluate(Linux312 with { Extra = extra }));

    [Fact]
    public void Extras_and_dependency_groups_are_sets()
    {
        MarkerEnvironment env = Linux312 with { Extras = new HashSet<string> { "cpu" }, DependencyGroups = new HashSet<string> { "dev" } };
        Assert.True(Marker.Parse("'cpu' in extras").Evaluate(env));
        Assert.False(Marker.Parse("'cu' in extras").Evaluate(env));
        Assert.True(Marker.Parse("'cu121' not in extras and 'dev' in dependency_groups").Evaluate(env));
    }

    [Fact]
    public void Python_313_changes_the_outcome_of_a_torch_era_marker()
    {
        Marker m = Marker.Parse("platform_system == \"Linux\" and platform_machine == \"x86_64\" and python_version < \"3.13\"");
        Assert.True(m.Evaluate(Linux312));
        Assert.False(m.Evaluate(Linux312 with { PythonVersion = "3.13" }));
        Assert.Equal(["platform_system", "platform_machine", "python_version"], m.Variables);
    }

    [Theory]
    [InlineData("")]
    [InlineData("python_version")]
    [InlineData("python_version >")]
    [InlineData("python_version > '3.8' and")]
    [InlineData("python_version > '3.8' xor os_name == 'nt'")]
    [InlineData("(python_version > '3.8'")]
    [InlineData("python_version > '3.8)")]
    [InlineData("foo == 'bar'")]
    [InlineData("python_version = '3.8'")]
    [InlineData("python_version not '3.8'")]
    public void Bad_markers_fail(string text)
    {
        Assert.False(Marker.TryParse(text, out Marker? m, out string? error));
        Assert.Null(m);
        Assert.NotNull(error);
    }

    [Fact]
    public void To_string_normalizes_quotes_and_aliases()
    {
        Assert.Equal(
            "os_name == \"posix\" and (python_version < \"3.9\" or sys_platform == \"linux\")",
            Marker.Parse("os.name=='posix' and (python_version<'3.9' or sys_platform=='linux')").ToString());
    }

    [Fact]
    public void For_target_describes_linux_cpython()
    {
        MarkerEnvironment env = MarkerEnvironment.ForTarget(TargetEnvironment.Musllinux(13, "aarch64"));
        Assert.Equal("3.13", env.PythonVersion);
        Assert.Equal("3.13.0", env.PythonFullVersion);
        Assert.Equal("aarch64", env.PlatformMachine);
        Assert.Equal("linux", env.SysPlatform);
        Assert.Equal("Linux", env.PlatformSystem);
        Assert.Equal("cpython", env.ImplementationName);
        Assert.False(Marker.Parse("platform_machine == 'x86_64'").Evaluate(env));
    }
}
