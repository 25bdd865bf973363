using Headroom.Python;
using Headroom.Text;

namespace Headroom.Tests.Python;

public sealed class RequirementTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static string At(string text, TextSpan? span) => At(text, span!.Value);

    [Theory]
    [InlineData("Foo.Bar__baz", "foo-bar-baz")]
    [InlineData("torch", "torch")]
    [InlineData("Typing_Extensions", "typing-extensions")]
    [InlineData("a-_.-b", "a-b")]
    [InlineData("nvidia-cudnn-cu12", "nvidia-cudnn-cu12")]
    public void Names_normalize_as_pep_503_says(string name, string normalized) =>
        Assert.Equal(normalized, PackageName.Normalize(name));

    [Theory]
    [InlineData("a", true)]
    [InlineData("A1", true)]
    [InlineData("zope.interface", true)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData("é", false)]
    public void Name_validity(string name, bool valid) => Assert.Equal(valid, PackageName.IsValid(name));

    [Fact]
    public void A_pin_keeps_the_spans_of_every_part()
    {
        const string text = "torch[Opt-Einsum, numpy] == 2.3.1+cpu ; sys_platform == 'linux'";
        Requirement r = Requirement.Parse(text);

        Assert.Equal("torch", r.Name);
        Assert.Equal("torch", At(text, r.NameSpan));
        Assert.Equal(["Opt-Einsum", "numpy"], r.Extras);
        Assert.Equal("[Opt-Einsum, numpy]", At(text, r.ExtrasSpan));
        Assert.NotNull(r.Pin);
        Assert.Equal("2.3.1+cpu", At(text, r.Pin.VersionSpan));
        Assert.Equal("== 2.3.1+cpu", At(text, r.Specifier.Span));
        Assert.Equal("sys_platform == 'linux'", At(text, r.Marker!.Span));
        Assert.Equal(text, At(text, r.Span));
        Assert.Equal("torch[Opt-Einsum,numpy]==2.3.1+cpu; sys_platform == \"linux\"", r.ToString());
    }

    [Fact]
    public void Url_requirements_take_the_url_to_the_next_whitespace()
    {
        const string text = "pip @ https://github.com/pypa/pip/archive/22.0.2.zip#sha256=abc ; python_version >= '3.8'";
        Requirement r = Requirement.Parse(text);

        Assert.Equal("https://github.com/pypa/pip/archive/22.0.2.zip#sha256=abc", r.Url);
        Assert.Equal(r.Url, At(text, r.UrlSpan));
        Assert.True(r.Specifier.IsEmpty);
        Assert.Equal("python_version >= \"3.8\"", r.Marker!.ToString());
    }

    [Fact]
    public void A_url_without_a_marker_ends_the_requirement()
    {
        Requirement r = Requirement.Parse("name @ file:///tmp/name-1.0-py3-none-any.whl");
        Assert.Equal("file:///tmp/name-1.0-py3-none-any.whl", r.Url);
        Assert.Null(r.Marker);
    }

    [Theory]
    [InlineData("requests", "requests", "")]
    [InlineData("requests>=2.8.1,<3", "requests", ">=2.8.1,<3")]
    [InlineData("requests (>=2.8.1, <3)", "requests", ">=2.8.1,<3")]
    [InlineData("nvidia-cudnn-cu12 (==8.9.2.26) ; platform_system == \"Linux\"", "nvidia-cudnn-cu12", "==8.9.2.26")]
    [InlineData("  numpy  ", "numpy", "")]
    [InlineData("numpy[]", "numpy", "")]
    [InlineData("A.B-C_D~=1.0", "A.B-C_D", "~=1.0")]
    public void Specifiers_parse_with_and_without_parentheses(string text, string name, string specifier)
    {
        Assert.True(Requirement.TryParse(text, out Requirement? r, out string? error), error);
        Assert.Equal(name, r.Name);
        Assert.Equal(specifier, r.Specifier.ToString());
    }

    [Fact]
    public void The_span_of_a_parenthesized_specifier_includes_the_parenthesis()
    {
        const string text = "nvidia-nccl-cu12 (==2.19.3) ; platform_machine == \"x86_64\"";
        Requirement r = Requirement.Parse(text);
        Assert.Equal("2.19.3", At(text, r.Pin!.VersionSpan));
        Assert.Equal(text, At(text, r.Span));
    }

    [Theory]
    [InlineData("", "expected a package name")]
    [InlineData(">=1.0", "expected a package name")]
    [InlineData("-foo", "invalid package name '-foo'")]
    [InlineData("foo-", "invalid package name 'foo-'")]
    [InlineData("foo[bar", "expected ']' after the extras")]
    [InlineData("foo[b@r]", "invalid extra 'b@r'")]
    [InlineData("foo >=", "missing version after '>='")]
    [InlineData("foo == 1.0 2.0", "invalid version '1.0 2.0'")]
    [InlineData("foo @", "expected a URL after '@'")]
    [InlineData("foo @ https://x y", "expected ';' and a marker after the URL")]
    [InlineData("foo; python_version", "expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)")]
    [InlineData("foo; os == 'x'", "unknown marker variable 'os'")]
    [InlineData("foo; (python_version == '3'", "expected ')' in marker")]
    [InlineData("foo (>=1.0", "expected ')' after the version specifiers")]
    public void Bad_requirements_fail_with_a_message(string text, string message)
    {
        Assert.False(Requirement.TryParse(text, out Requirement? r, out string? error));
        Assert.Null(r);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Applies_to_evaluates_the_marker()
    {
        Requirement r = Requirement.Parse("triton==2.2.0; platform_system == \"Linux\" and platform_machine == \"x86_64\" and python_version < \"3.12\"");
        Assert.False(r.AppliesTo(new MarkerEnvironment { PythonVersion = "3.12" }));
        Assert.True(r.AppliesTo(new MarkerEnvironment { PythonVersion = "3.11" }));
        Assert.False(r.AppliesTo(new MarkerEnvironment { PythonVersion = "3.11", PlatformMachine = "aarch64" }));
        Assert.True(Requirement.Parse("six").AppliesTo(new MarkerEnvironment()));
    }
}
