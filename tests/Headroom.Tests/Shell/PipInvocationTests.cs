using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Tests.Shell;

public sealed class PipInvocationTests
{
    private static PipInvocation Pip(string text) => Assert.Single(ShellScript.Analyze(text).InvocationsOf<PipInvocation>());

    [Theory]
    [InlineData("pip install x", PipLauncher.Pip)]
    [InlineData("pip3 install x", PipLauncher.Pip)]
    [InlineData("pip3.12 install x", PipLauncher.Pip)]
    [InlineData("/usr/local/bin/pip install x", PipLauncher.Pip)]
    [InlineData("python -m pip install x", PipLauncher.PythonModule)]
    [InlineData("python3 -m pip install x", PipLauncher.PythonModule)]
    [InlineData("python3.11 -m pip install x", PipLauncher.PythonModule)]
    [InlineData("/opt/venv/bin/python -m pip install x", PipLauncher.PythonModule)]
    [InlineData("python3 -u -W ignore -m pip install x", PipLauncher.PythonModule)]
    [InlineData("python -mpip install x", PipLauncher.PythonModule)]
    [InlineData("uv pip install x", PipLauncher.UvPip)]
    [InlineData("uv --no-progress pip install x", PipLauncher.UvPip)]
    [InlineData("sudo -H pip install x", PipLauncher.Pip)]
    public void Launchers_are_recognised(string text, PipLauncher launcher)
    {
        PipInvocation pip = Pip(text);
        Assert.Equal(launcher, pip.Launcher);
        Assert.Equal(PipCommandKind.Install, pip.Kind);
        Assert.Equal("x", Assert.Single(pip.Packages).Name);
    }

    [Theory]
    [InlineData("pipx install black")]
    [InlineData("pipenv install")]
    [InlineData("python -c 'import pip'")]
    [InlineData("python -m venv /opt/venv")]
    [InlineData("python3 setup.py install")]
    [InlineData("uv sync --frozen")]
    [InlineData("pip-compile requirements.in")]
    [InlineData("echo pip install x")]
    public void Lookalikes_are_not_pip(string text)
    {
        Assert.Empty(ShellScript.Analyze(text).InvocationsOf<PipInvocation>());
    }

    [Theory]
    [InlineData("pip uninstall -y x", PipCommandKind.Uninstall)]
    [InlineData("pip download -d /wheels x", PipCommandKind.Download)]
    [InlineData("pip wheel -w /wheels x", PipCommandKind.Wheel)]
    [InlineData("pip cache purge", PipCommandKind.CachePurge)]
    [InlineData("pip cache remove 'torch*'", PipCommandKind.CacheRemove)]
    [InlineData("pip cache dir", PipCommandKind.Cache)]
    [InlineData("pip freeze", PipCommandKind.Other)]
    [InlineData("pip --version", PipCommandKind.None)]
    [InlineData("uv pip sync requirements.txt", PipCommandKind.Sync)]
    public void Subcommands(string text, PipCommandKind kind)
    {
        Assert.Equal(kind, Pip(text).Kind);
    }

    [Fact]
    public void Value_options_consume_their_value_so_it_is_not_a_package()
    {
        PipInvocation pip = Pip(
            "pip install -r requirements.txt -c constraints.txt -i https://pypi.example/simple --extra-index-url https://download.pytorch.org/whl/cpu "
            + "-f /wheels -t /target --prefix /usr --root /r --platform manylinux2014_x86_64 --python-version 3.12 --only-binary :all: "
            + "--no-binary numpy --progress-bar off --upgrade-strategy eager -e ./lib torch");
        Assert.Equal(["torch"], pip.Packages.Select(p => p.Name));
        Assert.Equal("requirements.txt", Assert.Single(pip.RequirementFiles).Value);
        Assert.Equal("constraints.txt", Assert.Single(pip.ConstraintFiles).Value);
        Assert.Equal("./lib", Assert.Single(pip.Editables).Value);
        Assert.Equal("https://pypi.example/simple", Assert.Single(pip.IndexUrls).Value);
        Assert.Equal("https://download.pytorch.org/whl/cpu", Assert.Single(pip.ExtraIndexUrls).Value);
        Assert.Equal("/wheels", Assert.Single(pip.FindLinks).Value);
        Assert.Equal("/target", pip.Target!.Value);
        Assert.Equal("manylinux2014_x86_64", pip.FindOption("--platform")!.Value);
        Assert.Equal(":all:", pip.FindOption("--only-binary")!.Value);
        Assert.Equal("off", pip.FindOption("--progress-bar")!.Value);
    }

    [Theory]
    [InlineData("pip install -r requirements.txt")]
    [InlineData("pip install -rrequirements.txt")]
    [InlineData("pip install --requirement requirements.txt")]
    [InlineData("pip install --requirement=requirements.txt")]
    [InlineData("pip install --requirem requirements.txt")]
    public void Requirement_file_spellings(string text)
    {
        PipInvocation pip = Pip(text);
        ShellOption option = Assert.Single(pip.RequirementFiles);
        Assert.Equal("requirements.txt", option.Value);
        Assert.Empty(pip.Packages);
        Assert.Equal("requirements.txt", text[option.ValueSpan!.Value.Start..option.ValueSpan.Value.End]);
    }

    [Theory]
    [InlineData("pip install --no-cache-dir x", true)]
    [InlineData("pip --no-cache-dir install x", true)]
    [InlineData("pip install --no-cache x", true)]
    [InlineData("python -m pip install --no-cache-dir x", true)]
    [InlineData("pip install x", false)]
    [InlineData("uv pip install --no-cache x", true)]
    [InlineData("uv pip install -n x", true)]
    [InlineData("uv --no-cache pip install x", true)]
    [InlineData("uv pip install x", false)]
    public void No_cache_flag(string text, bool expected)
    {
        Assert.Equal(expected, Pip(text).NoCacheDir);
    }

    [Theory]
    [InlineData("PIP_NO_CACHE_DIR=1 pip install x", true)]
    [InlineData("PIP_NO_CACHE_DIR=off pip install x", true)]
    [InlineData("export PIP_NO_CACHE_DIR=1 && pip install x", true)]
    [InlineData("export PIP_NO_CACHE_DIR=false; pip install x", true)]
    [InlineData("PIP_NO_CACHE_DIR=1; pip install x", false)]
    [InlineData("env PIP_NO_CACHE_DIR=1 pip install x", true)]
    [InlineData("pip install x", false)]
    [InlineData("UV_NO_CACHE=1 uv pip install x", true)]
    [InlineData("UV_NO_CACHE=0 uv pip install x", false)]
    public void Cache_disabled_by_environment(string text, bool expected)
    {
        Assert.Equal(expected, Pip(text).CacheDisabledByEnvironment);
    }

    [Fact]
    public void Flags()
    {
        PipInvocation pip = Pip("pip install --no-deps --pre -U --user --break-system-packages --no-build-isolation --require-hashes --no-index x");
        Assert.True(pip.NoDeps);
        Assert.True(pip.Pre);
        Assert.True(pip.Upgrade);
        Assert.True(pip.User);
        Assert.True(pip.BreakSystemPackages);
        Assert.True(pip.NoBuildIsolation);
        Assert.True(pip.RequireHashes);
        Assert.True(pip.NoIndex);
        Assert.Equal(["x"], pip.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Clustered_short_options()
    {
        PipInvocation pip = Pip("pip install -qUr req.txt x");
        Assert.Equal(["--quiet", "--upgrade", "--requirement"], pip.Options.Select(o => o.Name));
        Assert.Equal("req.txt", pip.RequirementFiles.Single().Value);
        Assert.Equal(["x"], pip.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Unknown_options_are_kept_and_do_not_swallow_packages()
    {
        PipInvocation pip = Pip("pip install --some-future-flag torch");
        ShellOption unknown = Assert.Single(pip.Options);
        Assert.False(unknown.IsKnown);
        Assert.Equal("--some-future-flag", unknown.Name);
        Assert.Equal(["torch"], pip.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Requirement_strings_are_split_into_name_and_version()
    {
        PipInvocation pip = Pip("pip install torch==2.3.1 \"numpy<2\" 'Django[argon2]>=4.2,<5' requests \"pywin32; sys_platform == 'win32'\" Pillow~=10.0");
        Assert.Equal(["torch", "numpy", "Django", "requests", "pywin32", "Pillow"], pip.Packages.Select(p => p.Name));
        Assert.Equal(["==2.3.1", "<2", ">=4.2,<5", null, null, "~=10.0"], pip.Packages.Select(p => p.Version));
        Assert.All(pip.Packages, p => Assert.Equal(PackageOperandKind.Name, p.Kind));
        Assert.Equal("django", pip.Packages[2].NormalizedName);
    }

    [Fact]
    public void Paths_urls_and_wheels()
    {
        PipInvocation pip = Pip(
            "pip install . .[dev] ./libs/core /src/app dist/app-1.0-py3-none-any.whl https://example.com/x.tar.gz git+https://github.com/a/b.git \"torch @ https://download.pytorch.org/whl/cpu/torch-2.3.1%2Bcpu-cp312-cp312-linux_x86_64.whl\"");
        Assert.Equal(
            [PackageOperandKind.LocalPath, PackageOperandKind.LocalPath, PackageOperandKind.LocalPath, PackageOperandKind.LocalPath,
                PackageOperandKind.Archive, PackageOperandKind.Url, PackageOperandKind.Url, PackageOperandKind.Url],
            pip.Packages.Select(p => p.Kind));
        Assert.Equal("dist/app-1.0-py3-none-any.whl".Split('/')[1].Split('-')[0], pip.Packages[4].Name);
        Assert.Equal("torch", pip.Packages[7].Name);
    }

    [Fact]
    public void Variables_as_packages_are_dynamic_not_names()
    {
        PipInvocation pip = Pip("pip install $PACKAGES \"${EXTRA}\" torch==${TORCH_VERSION} \"torch$SUFFIX\"");
        Assert.Equal([PackageOperandKind.Dynamic, PackageOperandKind.Dynamic, PackageOperandKind.Name, PackageOperandKind.Dynamic], pip.Packages.Select(p => p.Kind));
        Assert.Equal("torch", pip.Packages[2].Name);
        Assert.Null(pip.Packages[2].Version);
        Assert.True(pip.Packages[2].IsDynamic);
    }

    [Fact]
    public void Index_url_with_a_variable_is_a_dynamic_value()
    {
        const string text = "pip install --index-url=$TORCH_INDEX --extra-index-url \"${EXTRA_URL}\" torch";
        PipInvocation pip = Pip(text);
        ShellOption index = Assert.Single(pip.IndexUrls);
        Assert.True(index.IsValueDynamic);
        Assert.Equal("$TORCH_INDEX", index.RawValue);
        Assert.Equal("$TORCH_INDEX", text[index.ValueSpan!.Value.Start..index.ValueSpan.Value.End]);
        Assert.True(Assert.Single(pip.ExtraIndexUrls).IsValueDynamic);
        Assert.Equal(["torch"], pip.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Flag_insertion_offset_is_after_the_subcommand()
    {
        const string text = "python3 -m pip install torch";
        PipInvocation pip = Pip(text);
        Assert.Equal("python3 -m pip install", text[..pip.FlagInsertionOffset]);
        Assert.Equal("python3", pip.ToolWord.Value);
        Assert.Equal("install", pip.SubcommandWord!.Value);
    }

    [Fact]
    public void Uv_specific_options()
    {
        PipInvocation pip = Pip("uv pip install --system --index-strategy unsafe-best-match --torch-backend cpu --default-index https://x/simple --index https://y/simple torch");
        Assert.True(pip.IsUv);
        Assert.True(pip.HasOption("--system"));
        Assert.Equal("unsafe-best-match", pip.FindOption("--index-strategy")!.Value);
        Assert.Equal("cpu", pip.FindOption("--torch-backend")!.Value);
        Assert.Equal("https://x/simple", Assert.Single(pip.IndexUrls).Value);
        Assert.Equal("https://y/simple", Assert.Single(pip.ExtraIndexUrls).Value);
        Assert.Equal(["torch"], pip.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Double_dash_ends_options()
    {
        PipInvocation pip = Pip("pip install -- -weird-name");
        Assert.Equal("-weird-name", Assert.Single(pip.Packages).Word.Value);
    }

    [Fact]
    public void Pip_cache_remove_keeps_the_pattern_as_operand()
    {
        PipInvocation pip = Pip("pip cache remove 'torch*'");
        Assert.Equal("torch*", Assert.Single(pip.Operands).Value);
        Assert.Equal("remove", pip.SubcommandWord!.Value);
        Assert.Empty(pip.Packages);
    }

    [Fact]
    public void Ambiguous_abbreviation_is_an_unknown_option()
    {
        PipInvocation pip = Pip("pip install --req x");
        Assert.False(Assert.Single(pip.Options).IsKnown);
        Assert.Equal(["x"], pip.Packages.Select(p => p.Name));
    }
}
