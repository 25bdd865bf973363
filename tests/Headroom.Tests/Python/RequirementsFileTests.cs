using Headroom.Diagnostics;
using Headroom.Python;
using Headroom.Text;

namespace Headroom.Tests.Python;

public sealed class RequirementsFileTests
{
    private static RequirementsFile Parse(string text, Func<string, string?>? env = null) =>
        RequirementsFile.Parse(new SourceText(text, "requirements.txt"), env);

    private static string At(RequirementLine line, TextSpan span) => line.Source.ToString(span);

    [Fact]
    public void Requirements_keep_their_line_and_column()
    {
        RequirementsFile file = Parse("# deps\nnumpy==1.26.4\n\n  torch == 2.3.1+cpu  # cpu build\npandas\n");

        Assert.Empty(file.Diagnostics);
        Assert.Equal(["numpy", "torch", "pandas"], file.Requirements.Select(r => r.Name));
        RequirementLine torch = file.Requirements[1];
        Assert.Equal(new LinePosition(4, 3), torch.Start);
        Assert.Equal("torch == 2.3.1+cpu", torch.Text);
        Assert.Equal("torch == 2.3.1+cpu", At(torch, torch.Span));
        Assert.Equal("2.3.1+cpu", At(torch, torch.PinVersionSpan!.Value));
        Assert.Equal("requirements.txt", torch.Path);
    }

    [Fact]
    public void Continuations_join_lines_and_spans_map_back_across_them()
    {
        const string text = "requests \\\n    >=2.31 \\\n    ; python_version >= '3.8'\nflask==\\\n3.0.0\n";
        RequirementsFile file = Parse(text);

        Assert.Empty(file.Diagnostics);
        RequirementLine requests = file.Requirements[0];
        Assert.Equal(1, requests.Line);
        Assert.Equal("requests     >=2.31     ; python_version >= '3.8'", requests.Text);
        Assert.Equal(">=2.31", requests.Requirement!.Specifier.ToString());
        Assert.NotNull(requests.Requirement.Marker);

        RequirementLine flask = file.Requirements[1];
        Assert.Equal(4, flask.Line);
        TextSpan pin = flask.PinVersionSpan!.Value;
        Assert.Equal("3.0.0", At(flask, pin));
        Assert.Equal(5, flask.Source.GetPosition(pin.Start).Line);
    }

    [Fact]
    public void A_comment_line_ends_a_continuation_and_a_final_backslash_is_dropped()
    {
        RequirementsFile file = Parse("six \\\n# comment\nattrs \\");
        Assert.Equal(["six", "attrs"], file.Requirements.Select(r => r.Name));
    }

    [Fact]
    public void Hash_in_a_url_fragment_is_not_a_comment()
    {
        RequirementsFile file = Parse(
            "git+https://github.com/psf/requests@v2.31.0#egg=requests\n" +
            "pip @ https://example.com/pip-22.0.2.zip#sha256=2b05 # trailing comment\n");

        Assert.Empty(file.Diagnostics);
        Assert.Equal(RequirementLocationKind.Vcs, file.Requirements[0].LocationKind);
        Assert.Equal("requests", file.Requirements[0].Name);
        Assert.Equal("https://example.com/pip-22.0.2.zip#sha256=2b05", file.Requirements[1].Location);
        Assert.Equal(RequirementLocationKind.Name, file.Requirements[1].LocationKind);
    }

    [Fact]
    public void Only_braced_upper_case_variables_that_are_set_expand()
    {
        var env = new Dictionary<string, string> { ["TORCH_VERSION"] = "2.3.1", ["INDEX"] = "https://download.pytorch.org/whl/cpu" };
        RequirementsFile file = Parse(
            "--extra-index-url ${INDEX}\ntorch==${TORCH_VERSION}\nfoo==$TORCH_VERSION\nbar==${lower}\nbaz==${UNSET}\n",
            name => env.GetValueOrDefault(name));

        Assert.Equal("https://download.pytorch.org/whl/cpu", file.Options.Single().Value);
        RequirementLine torch = file.Requirements[0];
        Assert.Equal("torch==2.3.1", torch.Text);
        Assert.Equal("${TORCH_VERSION}", At(torch, torch.PinVersionSpan!.Value));
        Assert.Equal(3, file.Diagnostics.Count);
        Assert.All(file.Diagnostics, d => Assert.Equal("requirements-invalid-line", d.Code));
        Assert.Equal([3, 4, 5], file.Diagnostics.Select(d => d.Start.Line));
    }

    [Fact]
    public void File_options_in_every_spelling()
    {
        RequirementsFile file = Parse(
            "-i https://pypi.org/simple\n" +
            "--index-url=https://mirror/simple\n" +
            "--extra-index-url https://download.pytorch.org/whl/cpu\n" +
            "-f https://download.pytorch.org/whl/torch_stable.html\n" +
            "--find-links=./wheels\n" +
            "--no-index\n--pre\n--prefer-binary\n--require-hashes\n" +
            "--only-binary :all:\n--no-binary=lxml\n--trusted-host download.pytorch.org\n--use-feature=fast-deps\n" +
            "-ihttps://short/simple\n");

        Assert.Empty(file.Diagnostics);
        Assert.Equal(
            ["--index-url", "--index-url", "--extra-index-url", "--find-links", "--find-links", "--no-index", "--pre", "--prefer-binary",
             "--require-hashes", "--only-binary", "--no-binary", "--trusted-host", "--use-feature", "--index-url"],
            file.Options.Select(o => o.Name));
        Assert.Equal("https://mirror/simple", file.Options[1].Value);
        Assert.Equal("https://short/simple", file.Options[^1].Value);
        Assert.Null(file.Options[5].Value);
        RequirementsOption extra = file.Options[2];
        Assert.Equal(new LinePosition(3, 1), extra.Start);
        Assert.Equal("https://download.pytorch.org/whl/cpu", file.Source.ToString(extra.ValueSpan));
    }

    [Fact]
    public void Per_requirement_hashes_and_settings()
    {
        RequirementsFile file = Parse(
            "numpy==1.26.4 \\\n    --hash=sha256:0123abcd \\\n    --hash sha256:ffff\n" +
            "lxml --config-settings=\"--build-option=--static\" --global-option=build_ext\n" +
            "bad==1 --hash=md5:abc\n");

        RequirementLine numpy = file.Requirements[0];
        Assert.Equal("numpy==1.26.4", numpy.Text);
        Assert.Equal(["sha256:0123abcd", "sha256:ffff"], numpy.Hashes);
        Assert.Equal("sha256:ffff", file.Source.ToString(numpy.Options[1].ValueSpan));
        Assert.Equal(3, file.Source.GetPosition(numpy.Options[1].Span.Start).Line);

        RequirementLine lxml = file.Requirements[1];
        Assert.Equal(["--config-settings", "--global-option"], lxml.Options.Select(o => o.Name));
        Assert.Equal("--build-option=--static", lxml.Options[0].Value);

        Diagnostic bad = Assert.Single(file.Diagnostics);
        Assert.Equal("requirements-invalid-hash", bad.Code);
        Assert.Equal(5, bad.Start.Line);
    }

    [Fact]
    public void Editables_paths_wheels_and_urls()
    {
        RequirementsFile file = Parse(
            "-e .\n" +
            "--editable ./libs/core[dev]\n" +
            "-e git+https://github.com/org/pkg.git@main#egg=pkg\n" +
            "./dist/torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl\n" +
            "https://download.pytorch.org/whl/cpu/torch-2.3.1%2Bcpu-cp311-cp311-linux_x86_64.whl ; sys_platform == 'linux'\n" +
            "foo-1.0.tar.gz\n");

        Assert.Empty(file.Diagnostics);
        Assert.Equal(
            [RequirementLocationKind.Path, RequirementLocationKind.Path, RequirementLocationKind.Vcs, RequirementLocationKind.Archive, RequirementLocationKind.Url, RequirementLocationKind.Archive],
            file.Requirements.Select(r => r.LocationKind));
        Assert.Equal([true, true, true, false, false, false], file.Requirements.Select(r => r.IsEditable));
        Assert.Equal(".", file.Requirements[0].Location);
        Assert.Equal(new LinePosition(1, 4), file.Requirements[0].Start);
        Assert.Equal("pkg", file.Requirements[2].Name);
        Assert.Equal("https://download.pytorch.org/whl/cpu/torch-2.3.1%2Bcpu-cp311-cp311-linux_x86_64.whl", file.Requirements[4].Location);
        Assert.Empty(file.Options);
    }

    [Theory]
    [InlineData("torch===\n", "requirements-invalid-line")]
    [InlineData("--index-url\n", "requirements-missing-value")]
    [InlineData("--frobnicate\n", "requirements-unknown-option")]
    [InlineData("--pre=yes\n", "requirements-invalid-line")]
    [InlineData("--index-url 'https://x\n", "requirements-invalid-line")]
    [InlineData("foo; python_version >>> '3'\n", "requirements-invalid-line")]
    [InlineData("--hash=sha256:00\n", "requirements-option-ignored")]
    [InlineData("numpy --pre\n", "requirements-option-ignored")]
    public void Bad_lines_are_diagnostics_with_file_and_line(string line, string code)
    {
        RequirementsFile file = Parse("six\n" + line + "attrs\n");

        Diagnostic d = Assert.Single(file.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(2, d.Start.Line);
        Assert.Equal("requirements.txt", d.Path);
        Assert.Contains("attrs", file.Requirements.Select(r => r.Name));
    }

    [Fact]
    public void Crlf_and_empty_input()
    {
        Assert.Equal(["a", "b"], Parse("a\r\nb\r\n").Requirements.Select(r => r.Name));
        Assert.Empty(Parse(string.Empty).Requirements);
        Assert.Equal("b==1", Parse("a\r\nb==1 \\\r\n").Requirements[1].Text);
    }
}
