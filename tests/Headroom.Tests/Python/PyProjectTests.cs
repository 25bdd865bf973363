using Headroom.Python;
using Headroom.Text;

namespace Headroom.Tests.Python;

public sealed class PyProjectTests
{
    private const string UvTorchCpu = """
        [project]
        name = "backend"
        version = "0.1.0"
        requires-python = ">=3.11,<3.13"
        dependencies = [
            "fastapi>=0.110",
            "torch==2.3.1",
            'numpy<2; python_version < "3.12"',
        ]

        [project.optional-dependencies]
        dev = ["pytest~=8.2", "ruff"]

        [[tool.uv.index]]
        name = "pytorch-cpu"
        url = "https://download.pytorch.org/whl/cpu"
        explicit = true

        [[tool.uv.index]]
        url = "https://pypi.org/simple"
        default = true

        [tool.uv.sources]
        torch = { index = "pytorch-cpu" }
        torchvision = [
          { index = "pytorch-cpu", marker = "sys_platform == 'linux'" },
          { url = "https://example.com/torchvision.whl", marker = "sys_platform == 'darwin'" },
        ]
        mylib = { path = "../mylib", editable = true }
        other = { git = "https://github.com/org/other", tag = "v1" }
        """;

    [Fact]
    public void Pep_621_dependencies_with_requires_python_and_extras()
    {
        var source = new SourceText(UvTorchCpu, "pyproject.toml");
        PyProject p = PyProject.Parse(source);

        Assert.Empty(p.Diagnostics);
        Assert.Equal(("backend", "0.1.0"), (p.Name, p.Version));
        Assert.True(p.RequiresPython!.Contains("3.12.4"));
        Assert.False(p.RequiresPython.Contains("3.13.0"));
        Assert.Equal(["fastapi", "torch", "numpy"], p.Dependencies.Select(d => d.Requirement!.Name));
        Assert.Equal(["pytest", "ruff"], p.OptionalDependencies["dev"].Select(d => d.Requirement!.Name));
        Assert.Equal("dev", p.OptionalDependencies["dev"][0].Extra);

        PyProjectDependency torch = p.Dependencies[1];
        TextSpan pin = torch.MapToFile(torch.Requirement!.Pin!.VersionSpan);
        Assert.Equal("2.3.1", source.ToString(pin));
        Assert.Equal(7, source.GetPosition(pin.Start).Line);
        Assert.Equal("\"torch==2.3.1\"", source.ToString(torch.Text.Span));
        Assert.NotNull(p.Dependencies[2].Requirement!.Marker);
    }

    [Fact]
    public void Uv_indexes_and_sources()
    {
        PyProject p = PyProject.Parse(new SourceText(UvTorchCpu, "pyproject.toml"));

        Assert.Equal(
            [new UvIndex("pytorch-cpu", "https://download.pytorch.org/whl/cpu", false, true), new UvIndex(null, "https://pypi.org/simple", true, false)],
            p.UvIndexes);
        UvSource torch = Assert.Single(p.SourcesFor("Torch"));
        Assert.Equal("pytorch-cpu", torch.Index);
        Assert.Null(torch.Marker);

        UvSource[] vision = [.. p.SourcesFor("torchvision")];
        Assert.Equal(2, vision.Length);
        Assert.True(vision[0].Marker!.Evaluate(new MarkerEnvironment()));
        Assert.False(vision[1].Marker!.Evaluate(new MarkerEnvironment()));
        Assert.Equal("https://example.com/torchvision.whl", vision[1].Url);
        Assert.Equal("../mylib", Assert.Single(p.SourcesFor("mylib")).Path);
        Assert.Equal("https://github.com/org/other", Assert.Single(p.SourcesFor("other")).Git);
    }

    [Fact]
    public void Poetry_dependencies_basic()
    {
        PyProject p = PyProject.Parse(new SourceText("""
            [tool.poetry.dependencies]
            python = "^3.11"
            torch = { version = "2.3.1+cpu", source = "pytorch-cpu" }
            requests = "^2.31"
            extras = { version = "*", optional = true }

            [[tool.poetry.source]]
            name = "pytorch-cpu"
            url = "https://download.pytorch.org/whl/cpu"
            priority = "explicit"
            """, "pyproject.toml"));

        Assert.Equal(
            [new PoetryDependency("python", "^3.11", null, false), new PoetryDependency("torch", "2.3.1+cpu", "pytorch-cpu", false),
             new PoetryDependency("requests", "^2.31", null, false), new PoetryDependency("extras", "*", null, true)],
            p.PoetryDependencies);
        Assert.Empty(p.Dependencies);
    }

    [Fact]
    public void Bad_dependencies_and_bad_toml_are_diagnostics()
    {
        var source = new SourceText("[project]\nrequires-python = \">=3.x\"\ndependencies = [\"ok\", \"bad name==1\"]\n", "pyproject.toml");
        PyProject p = PyProject.Parse(source);
        Assert.Equal(["pyproject-invalid-requires-python", "pyproject-invalid-dependency"], p.Diagnostics.Select(d => d.Code));
        Assert.Equal([2, 3], p.Diagnostics.Select(d => d.Start.Line));
        Assert.Null(p.RequiresPython);
        Assert.Null(p.Dependencies[1].Requirement);

        PyProject broken = PyProject.Parse(new SourceText("[project\nname = 1\n", "pyproject.toml"));
        Assert.Contains(broken.Diagnostics, d => d.Code == "toml-invalid" && d.Start.Line == 1);
    }
}
