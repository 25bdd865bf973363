using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Tests.Shell;

/// <summary>RUN lines as the Dockerfile parser hands them over (continuations joined), heredoc bodies, workflow scripts.</summary>
public sealed class RealisticScriptTests
{
    [Fact]
    public void Joined_apt_run_line()
    {
        // RUN apt-get update && \
        //     apt-get install -y --no-install-recommends curl && \
        //     rm -rf /var/lib/apt/lists/*
        const string text = "apt-get update &&     apt-get install -y --no-install-recommends curl &&     rm -rf /var/lib/apt/lists/*";
        ShellScript script = ShellScript.Analyze(text);
        Assert.Empty(script.Diagnostics);
        AptInvocation[] apt = [.. script.InvocationsOf<AptInvocation>()];
        Assert.Equal([AptAction.Update, AptAction.Install], apt.Select(a => a.Action));
        Assert.True(apt[1].NoInstallRecommends);
        Assert.True(apt[1].AssumeYes);
        Assert.Equal("curl", script.At(apt[1].Packages[0].Span));
        Assert.True(script.InvocationsOf<RemoveInvocation>().Single().RemovesContentsOf("/var/lib/apt/lists"));
    }

    [Fact]
    public void Fix_offset_for_a_missing_no_install_recommends()
    {
        const string text = "apt-get update && apt-get install -y curl git";
        AptInvocation install = ShellScript.Analyze(text).InvocationsOf<AptInvocation>().Single(a => a.Action == AptAction.Install);
        Assert.False(install.NoInstallRecommends);
        string fixedText = text.Insert(install.FlagInsertionOffset, " --no-install-recommends");
        Assert.Equal("apt-get update && apt-get install --no-install-recommends -y curl git", fixedText);
        Assert.True(ShellScript.Analyze(fixedText).InvocationsOf<AptInvocation>().Single(a => a.Action == AptAction.Install).NoInstallRecommends);
    }

    [Fact]
    public void Cpu_torch_then_requirements()
    {
        const string text =
            "pip install --no-cache-dir torch==2.3.1 torchvision --index-url https://download.pytorch.org/whl/cpu &&     pip install --no-cache-dir -r requirements.txt";
        PipInvocation[] pips = [.. ShellScript.Analyze(text).InvocationsOf<PipInvocation>()];
        Assert.Equal(["torch", "torchvision"], pips[0].Packages.Select(p => p.Name));
        Assert.Equal("https://download.pytorch.org/whl/cpu", pips[0].IndexUrls.Single().Value);
        Assert.Empty(pips[1].Packages);
        Assert.Equal("requirements.txt", pips[1].RequirementFiles.Single().Value);
        Assert.All(pips, p => Assert.True(p.NoCacheDir));
    }

    [Fact]
    public void Torch_index_given_as_extra_or_find_links_is_visible()
    {
        PipInvocation[] pips =
        [
            .. ShellScript.Analyze("pip install torch --extra-index-url https://download.pytorch.org/whl/cpu; pip install torch -f https://download.pytorch.org/whl/torch_stable.html")
                .InvocationsOf<PipInvocation>(),
        ];
        Assert.Equal("https://download.pytorch.org/whl/cpu", pips[0].ExtraIndexUrls.Single().Value);
        Assert.Empty(pips[0].IndexUrls);
        Assert.Equal("https://download.pytorch.org/whl/torch_stable.html", pips[1].FindLinks.Single().Value);
    }

    [Fact]
    public void Hadolint_false_positive_situations_are_told_apart()
    {
        ShellScript script = ShellScript.Analyze(
            "python -m pip install --upgrade pip setuptools wheel && "
            + "pip install -r requirements.txt && "
            + "pip install --index-url \"$PIP_INDEX\" ${APP_PACKAGE} && "
            + "pip install ./dist/*.whl && "
            + "pip install -e . && "
            + "pipx install poetry");
        PipInvocation[] pips = [.. script.InvocationsOf<PipInvocation>()];
        Assert.Equal(5, pips.Length);
        Assert.Equal(PipLauncher.PythonModule, pips[0].Launcher);
        Assert.Equal(["pip", "setuptools", "wheel"], pips[0].Packages.Select(p => p.Name));
        Assert.Empty(pips[1].Packages);
        Assert.Equal(PackageOperandKind.Dynamic, pips[2].Packages.Single().Kind);
        Assert.True(pips[2].IndexUrls.Single().IsValueDynamic);
        Assert.Equal(PackageOperandKind.Archive, pips[3].Packages.Single().Kind);
        Assert.Null(pips[3].Packages.Single().Name);
        Assert.True(pips[3].Packages.Single().Word.HasGlob);
        Assert.Equal(".", pips[4].Editables.Single().Value);
        Assert.Empty(pips[4].Packages);
    }

    [Fact]
    public void Export_of_pip_no_cache_dir_in_the_same_run()
    {
        ShellScript script = ShellScript.Analyze("export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 &&     pip install flask gunicorn");
        PipInvocation pip = script.InvocationsOf<PipInvocation>().Single();
        Assert.False(pip.NoCacheDir);
        Assert.True(pip.CacheDisabledByEnvironment);
    }

    [Fact]
    public void Cache_mount_style_run_has_no_cleanup_and_that_is_visible()
    {
        // RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt (flags are the Dockerfile parser's)
        PipInvocation pip = ShellScript.Analyze("pip install -r requirements.txt").InvocationsOf<PipInvocation>().Single();
        Assert.False(pip.NoCacheDir);
        Assert.False(pip.CacheDisabledByEnvironment);
    }

    [Fact]
    public void Heredoc_run_body()
    {
        // RUN <<EOF ... EOF: the Dockerfile parser gives the body.
        const string body = "set -eux\napt-get update\napt-get install -y --no-install-recommends \\\n    build-essential \\\n    libpq-dev\nrm -rf /var/lib/apt/lists/*\npip install --no-cache-dir -r /tmp/requirements.txt\n";
        ShellScript script = ShellScript.Analyze(body);
        Assert.Empty(script.Diagnostics);
        Assert.Equal(["set", "apt-get", "apt-get", "rm", "pip"], script.Commands.Select(c => c.CommandName));
        Assert.Equal(["build-essential", "libpq-dev"], script.InvocationsOf<AptInvocation>().Last().Packages.Select(p => p.Name));
        Assert.Equal(ShellOperator.Newline, script.Commands[4].PrecedingOperator);
    }

    [Fact]
    public void Alpine_build_deps_pattern()
    {
        const string text = "apk add --no-cache --virtual .build-deps gcc musl-dev &&     pip install --no-cache-dir psycopg2 &&     apk del .build-deps";
        ShellScript script = ShellScript.Analyze(text);
        ApkInvocation[] apk = [.. script.InvocationsOf<ApkInvocation>()];
        Assert.Equal([ApkAction.Add, ApkAction.Del], apk.Select(a => a.Action));
        Assert.Equal(apk[0].Virtual!.Value, apk[1].Packages.Single().Word.Value);
    }

    [Fact]
    public void Conda_image_pattern()
    {
        const string text = "conda install -y -c pytorch -c conda-forge pytorch cpuonly &&     conda clean -afy &&     find /opt/conda/ -follow -type f -name '*.a' -delete";
        ShellScript script = ShellScript.Analyze(text);
        Assert.Equal([CondaCommandKind.Install, CondaCommandKind.Clean], script.InvocationsOf<CondaInvocation>().Select(c => c.Kind));
        Assert.True(script.InvocationsOf<CondaInvocation>().Last().CleanAll);
        Assert.Single(script.InvocationsOf<FindDeleteInvocation>());
    }

    [Fact]
    public void Github_actions_run_script()
    {
        const string script =
            "python -m pip install --upgrade pip\n"
            + "if [ -f requirements.txt ]; then pip install -r requirements.txt; fi\n"
            + "docker-compose up -d\n"
            + "echo \"::set-output name=dir::$(pip cache dir)\"\n";
        ShellScript analysed = ShellScript.Analyze(script);
        Assert.Empty(analysed.Diagnostics);
        PipInvocation[] pips = [.. analysed.InvocationsOf<PipInvocation>()];
        Assert.Equal([PipCommandKind.Install, PipCommandKind.Install, PipCommandKind.Cache], pips.Select(p => p.Kind));
        Assert.True(pips[1].Command.IsConditional);
        Assert.True(pips[2].Command.IsIn(ShellCommandContext.CommandSubstitution));
        Assert.Contains(analysed.Commands, c => c.CommandName == "docker-compose");
        Assert.Contains("::set-output", analysed.Commands.Single(c => c.CommandName == "echo").Words[1].RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void Purge_and_clean_in_a_later_run_are_recognised()
    {
        ShellScript script = ShellScript.Analyze("pip cache purge && apt-get clean && apt-get purge -y --auto-remove gcc && npm cache clean --force && rm -rf ~/.cache/pip");
        Assert.Equal(PipCommandKind.CachePurge, script.InvocationsOf<PipInvocation>().Single().Kind);
        Assert.Equal([AptAction.Clean, AptAction.Purge], script.InvocationsOf<AptInvocation>().Select(a => a.Action));
        Assert.True(script.InvocationsOf<AptInvocation>().Last().HasOption("--autoremove"));
        Assert.Equal(NpmCommandKind.CacheClean, script.InvocationsOf<NpmInvocation>().Single().Kind);
        Assert.True(script.InvocationsOf<RemoveInvocation>().Single().RemovesContentsOf("~/.cache/pip"));
    }

    [Fact]
    public void Arch_dependent_install_inside_case()
    {
        const string text =
            "case \"$(uname -m)\" in   x86_64) pip install torch --index-url https://download.pytorch.org/whl/cpu ;;   aarch64) pip install torch ;; esac";
        ShellScript script = ShellScript.Analyze(text);
        PipInvocation[] pips = [.. script.InvocationsOf<PipInvocation>()];
        Assert.Equal(2, pips.Length);
        Assert.All(pips, p => Assert.True(p.Command.IsConditional));
        Assert.Single(pips[0].IndexUrls);
        Assert.Empty(pips[1].IndexUrls);
        Assert.Equal("uname", script.Commands[0].CommandName);
    }

    [Fact]
    public void Packages_from_a_file_through_xargs()
    {
        const string text = "apt-get update && xargs apt-get install -y --no-install-recommends < /tmp/packages.txt && rm -rf /var/lib/apt/lists/*";
        AptInvocation install = ShellScript.Analyze(text).InvocationsOf<AptInvocation>().Single(a => a.Action == AptAction.Install);
        Assert.True(install.NoInstallRecommends);
        Assert.Empty(install.Packages);
        Assert.Equal("xargs", install.Command.Words[0].Value);
    }
}
