using Headroom.Diagnostics;
using Headroom.Python;

namespace Headroom.Tests.Python;

public sealed class RequirementsLoaderTests
{
    private static RequirementsSet Load(Dictionary<string, string> files, string root, Func<string, string?>? env = null) =>
        new RequirementsLoader(path => files.GetValueOrDefault(path), env).Load(root);

    [Fact]
    public void Nested_requirement_and_constraint_files_resolve_relative_to_the_including_file()
    {
        var files = new Dictionary<string, string>
        {
            ["app/requirements.txt"] = "-r base/common.txt\n-c ../constraints.txt\n--extra-index-url https://download.pytorch.org/whl/cpu\nfastapi\n",
            ["app/base/common.txt"] = "-r ./../torch.txt\nnumpy\n",
            ["app/torch.txt"] = "torch==2.3.1+cpu\n",
            ["constraints.txt"] = "numpy<2\n-r app/extra.txt\n",
            ["app/extra.txt"] = "rich\n",
        };

        RequirementsSet set = Load(files, "app/requirements.txt");

        Assert.Empty(set.Diagnostics);
        Assert.Equal(["app/requirements.txt", "app/base/common.txt", "app/torch.txt", "constraints.txt", "app/extra.txt"], set.Files.Select(f => f.Path));
        Assert.Equal(["torch", "numpy", "rich", "fastapi"], set.Requirements.Select(r => r.Name));
        Assert.Equal(["numpy"], set.Constraints.Select(r => r.Name));
        Assert.Equal("constraints.txt", set.Constraints[0].Path);
        RequirementLine torch = set.Requirements.Single(r => r.Name == "torch");
        Assert.Equal(("app/torch.txt", 1, 1), (torch.Path, torch.Line, torch.Column));
        Assert.Equal(["https://download.pytorch.org/whl/cpu"], set.ExtraIndexUrls);
        Assert.Null(set.IndexUrl);
    }

    [Fact]
    public void A_missing_include_names_the_including_file_and_line()
    {
        var files = new Dictionary<string, string> { ["reqs/main.txt"] = "six\n\n-r dev.txt\n" };

        RequirementsSet set = Load(files, "reqs/main.txt");

        Diagnostic d = Assert.Single(set.Diagnostics);
        Assert.Equal("requirements-file-not-found", d.Code);
        Assert.Equal("reqs/main.txt", d.Path);
        Assert.Equal(3, d.Start.Line);
        Assert.Equal(4, d.Start.Column);
        Assert.Contains("reqs/dev.txt", d.Message, StringComparison.Ordinal);
        Assert.Equal("reqs/main.txt:3: requirements file 'dev.txt' not found (looked for 'reqs/dev.txt')", d.ToString());
        Assert.Single(set.Requirements);
    }

    [Fact]
    public void A_missing_root_is_a_diagnostic()
    {
        RequirementsSet set = Load([], "requirements.txt");
        Assert.Equal("requirements-file-not-found", Assert.Single(set.Diagnostics).Code);
        Assert.Empty(set.Files);
    }

    [Fact]
    public void Include_loops_are_detected_and_diamonds_read_once()
    {
        var files = new Dictionary<string, string>
        {
            ["a.txt"] = "-r b.txt\n-r c.txt\nalpha\n",
            ["b.txt"] = "-r d.txt\nbeta\n",
            ["c.txt"] = "-r d.txt\ngamma\n",
            ["d.txt"] = "delta\n-r a.txt\n",
        };

        RequirementsSet set = Load(files, "a.txt");

        Diagnostic loop = Assert.Single(set.Diagnostics);
        Assert.Equal("requirements-include-loop", loop.Code);
        Assert.Equal(("d.txt", 2), (loop.Path, loop.Start.Line));
        Assert.Contains("a.txt -> b.txt -> d.txt -> a.txt", loop.Message, StringComparison.Ordinal);
        Assert.Equal(4, set.Files.Count);
        Assert.Equal(["delta", "beta", "gamma", "alpha"], set.Requirements.Select(r => r.Name));
    }

    [Fact]
    public void Options_accumulate_across_files_and_the_last_index_url_wins()
    {
        var files = new Dictionary<string, string>
        {
            ["r.txt"] = "--index-url https://first/simple\n-r more.txt\n--pre\n",
            ["more.txt"] = "--index-url ${MIRROR}\n-f ./wheels\nx==1 --hash=sha256:abcd\n",
        };

        RequirementsSet set = Load(files, "r.txt", name => name == "MIRROR" ? "https://mirror/simple" : null);

        Assert.Equal("https://mirror/simple", set.IndexUrl);
        Assert.Equal(["./wheels"], set.FindLinks);
        Assert.True(set.Pre);
        Assert.False(set.NoIndex);
        Assert.True(set.RequireHashes);
    }

    [Fact]
    public void Remote_includes_are_reported_not_followed()
    {
        RequirementsSet set = Load(new() { ["r.txt"] = "-r https://example.com/reqs.txt\n" }, "r.txt");
        Diagnostic d = Assert.Single(set.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("requirements-remote-include", d.Code);
    }

    [Theory]
    [InlineData("a/b/req.txt", "c.txt", "a/b/c.txt")]
    [InlineData("a/b/req.txt", "../c.txt", "a/c.txt")]
    [InlineData("a/b/req.txt", "./x/../c.txt", "a/b/c.txt")]
    [InlineData("req.txt", "c.txt", "c.txt")]
    [InlineData("req.txt", "../c.txt", "../c.txt")]
    [InlineData("/src/req.txt", "c.txt", "/src/c.txt")]
    [InlineData("a/req.txt", "/etc/c.txt", "/etc/c.txt")]
    public void Paths_resolve_against_the_including_folder(string including, string target, string expected) =>
        Assert.Equal(expected, RequirementsLoader.Resolve(including, target));
}
