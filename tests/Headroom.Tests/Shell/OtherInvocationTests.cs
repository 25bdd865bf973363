using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Tests.Shell;

public sealed class OtherInvocationTests
{
    private static T Single<T>(string text)
        where T : ToolInvocation => Assert.Single(ShellScript.Analyze(text).InvocationsOf<T>());

    [Fact]
    public void Apk_add_with_no_cache_virtual_and_versions()
    {
        ApkInvocation apk = Single<ApkInvocation>("apk add --no-cache --virtual .build-deps gcc=13.2.1_git20231014-r0 'musl-dev>1.2' py3-pip~23 libffi-dev");
        Assert.Equal(ApkAction.Add, apk.Action);
        Assert.True(apk.NoCache);
        Assert.Equal(".build-deps", apk.Virtual!.Value);
        Assert.Equal(["gcc", "musl-dev", "py3-pip", "libffi-dev"], apk.Packages.Select(p => p.Name));
        Assert.Equal(["=13.2.1_git20231014-r0", ">1.2", "~23", null], apk.Packages.Select(p => p.Version));
    }

    [Theory]
    [InlineData("apk add -U curl", true)]
    [InlineData("apk add --update curl", true)]
    [InlineData("apk add --update-cache curl", true)]
    [InlineData("apk -t .deps add curl", false)]
    [InlineData("apk add curl", false)]
    public void Apk_update_cache(string text, bool expected)
    {
        ApkInvocation apk = Single<ApkInvocation>(text);
        Assert.Equal(expected, apk.UpdateCache);
        Assert.Equal(["curl"], apk.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Apk_del()
    {
        ApkInvocation apk = Single<ApkInvocation>("apk del .build-deps");
        Assert.Equal(ApkAction.Del, apk.Action);
        Assert.Equal(".build-deps", apk.Packages.Single().Word.Value);
    }

    [Theory]
    [InlineData("npm ci", NodePackageManager.Npm, NpmCommandKind.CleanInstall)]
    [InlineData("npm ci --omit=dev", NodePackageManager.Npm, NpmCommandKind.CleanInstall)]
    [InlineData("npm install", NodePackageManager.Npm, NpmCommandKind.Install)]
    [InlineData("npm i -g pnpm@9", NodePackageManager.Npm, NpmCommandKind.Install)]
    [InlineData("npm cache clean --force", NodePackageManager.Npm, NpmCommandKind.CacheClean)]
    [InlineData("npm run build", NodePackageManager.Npm, NpmCommandKind.Other)]
    [InlineData("yarn", NodePackageManager.Yarn, NpmCommandKind.Install)]
    [InlineData("yarn install --frozen-lockfile", NodePackageManager.Yarn, NpmCommandKind.Install)]
    [InlineData("yarn cache clean", NodePackageManager.Yarn, NpmCommandKind.CacheClean)]
    [InlineData("pnpm install --frozen-lockfile --prod", NodePackageManager.Pnpm, NpmCommandKind.Install)]
    [InlineData("pnpm store prune", NodePackageManager.Pnpm, NpmCommandKind.CacheClean)]
    public void Node_package_managers(string text, NodePackageManager manager, NpmCommandKind kind)
    {
        NpmInvocation npm = Single<NpmInvocation>(text);
        Assert.Equal(manager, npm.Manager);
        Assert.Equal(kind, npm.Kind);
    }

    [Fact]
    public void Npm_packages_and_flags()
    {
        NpmInvocation npm = Single<NpmInvocation>("npm install -g --registry https://r.example @angular/cli@17 typescript@~5.4 ./local left-pad");
        Assert.True(npm.IsGlobal);
        Assert.Equal("https://r.example", npm.FindOption("--registry")!.Value);
        Assert.Equal(["@angular/cli", "typescript", null, "left-pad"], npm.Packages.Select(p => p.Name));
        Assert.Equal(["@17", "@~5.4", null, null], npm.Packages.Select(p => p.Version));
        Assert.Equal(PackageOperandKind.LocalPath, npm.Packages[2].Kind);
    }

    [Theory]
    [InlineData("npm ci --omit=dev", true)]
    [InlineData("npm ci --omit dev", true)]
    [InlineData("npm install --production", true)]
    [InlineData("npm ci --only=production", true)]
    [InlineData("pnpm install --prod", true)]
    [InlineData("npm ci", false)]
    public void Npm_omits_dev_dependencies(string text, bool expected)
    {
        Assert.Equal(expected, Single<NpmInvocation>(text).OmitsDevDependencies);
    }

    [Fact]
    public void Npm_cache_clean_force()
    {
        NpmInvocation npm = Single<NpmInvocation>("npm cache clean --force");
        Assert.True(npm.Force);
        Assert.Equal("clean", npm.SubcommandWord!.Value);
        Assert.Empty(npm.Operands);
    }

    [Fact]
    public void Conda_install_with_channels_and_packages()
    {
        CondaInvocation conda = Single<CondaInvocation>("conda install -y -c conda-forge -c pytorch -n base pytorch=2.3 cpuonly 'numpy>=1.26' conda-forge::scipy");
        Assert.Equal(CondaCommandKind.Install, conda.Kind);
        Assert.True(conda.AssumeYes);
        Assert.Equal(["conda-forge", "pytorch"], conda.Channels.Select(o => o.Value));
        Assert.Equal("base", conda.FindOption("--name")!.Value);
        Assert.Equal(["pytorch", "cpuonly", "numpy", "scipy"], conda.Packages.Select(p => p.Name));
        Assert.Equal(["=2.3", null, ">=1.26", null], conda.Packages.Select(p => p.Version));
    }

    [Theory]
    [InlineData("conda clean -afy", true)]
    [InlineData("conda clean --all -y", true)]
    [InlineData("mamba clean -a", true)]
    [InlineData("micromamba clean --all --yes", true)]
    [InlineData("conda clean -t", false)]
    public void Conda_clean_all(string text, bool expected)
    {
        CondaInvocation conda = Single<CondaInvocation>(text);
        Assert.Equal(CondaCommandKind.Clean, conda.Kind);
        Assert.Equal(expected, conda.CleanAll);
    }

    [Fact]
    public void Micromamba_create_and_conda_env_create()
    {
        CondaInvocation micromamba = Single<CondaInvocation>("micromamba install -y -n base -f /tmp/env.yaml");
        Assert.Equal("/tmp/env.yaml", micromamba.Files.Single().Value);
        Assert.Empty(micromamba.Packages);
        CondaInvocation env = Single<CondaInvocation>("conda env create -f environment.yml");
        Assert.Equal(CondaCommandKind.EnvCreate, env.Kind);
        Assert.Equal("environment.yml", env.Files.Single().Value);
        Assert.Equal(CondaCommandKind.Create, Single<CondaInvocation>("mamba create -n app python=3.12").Kind);
    }

    [Theory]
    [InlineData("rm -rf /var/lib/apt/lists/*", true, true)]
    [InlineData("rm -fr /var/lib/apt/lists/*", true, true)]
    [InlineData("rm -Rf /var/lib/apt/lists", true, true)]
    [InlineData("rm --recursive --force /var/lib/apt/lists/", true, true)]
    [InlineData("rm -r -f /var/lib/apt", true, true)]
    [InlineData("rm -f /var/lib/apt/lists/partial/lock", false, true)]
    public void Rm_flags_and_paths(string text, bool removesLists, bool force)
    {
        RemoveInvocation rm = Single<RemoveInvocation>(text);
        Assert.Equal(force, rm.Force);
        Assert.Equal(removesLists, rm.RemovesContentsOf("/var/lib/apt/lists"));
    }

    [Fact]
    public void Rm_keeps_globs_as_written_and_several_paths()
    {
        RemoveInvocation rm = Single<RemoveInvocation>("rm -rf /root/.cache/pip /tmp/* \"$HOME/.npm\"");
        Assert.True(rm.Recursive);
        Assert.Equal(["/root/.cache/pip", "/tmp/*", null], rm.Paths.Select(p => p.Value));
        Assert.True(rm.Paths[1].HasGlob);
        Assert.True(rm.RemovesContentsOf("/root/.cache/pip"));
        Assert.True(rm.RemovesContentsOf("/root/.cache/pip/http"));
        Assert.False(rm.RemovesContentsOf("/root/.cache"));
    }

    [Theory]
    [InlineData("/var/lib/apt/lists/*", "/var/lib/apt/lists", true)]
    [InlineData("/var/lib/apt/lists/**", "/var/lib/apt/lists", true)]
    [InlineData("/var/lib/apt/", "/var/lib/apt/lists", true)]
    [InlineData("/", "/var", true)]
    [InlineData("/var/lib/apt/lists/*.deb", "/var/lib/apt/lists", false)]
    [InlineData("/var/lib/apt-lists", "/var/lib/apt", false)]
    [InlineData("/var/lib/apt/lists/partial", "/var/lib/apt/lists", false)]
    public void Path_coverage(string pattern, string directory, bool expected)
    {
        Assert.Equal(expected, ShellPaths.RemovesContentsOf(pattern, directory));
    }

    [Fact]
    public void Find_delete_and_exec_rm()
    {
        FindDeleteInvocation find = Single<FindDeleteInvocation>("find /usr/local -depth \\( -name '__pycache__' -o -name '*.pyc' \\) -exec rm -rf '{}' +");
        Assert.Equal(["/usr/local"], find.StartPaths.Select(p => p.Value));
        Assert.Equal(["__pycache__", "*.pyc"], find.NamePatterns);
        Assert.Equal("-exec", find.DeleteWord.Value);
        FindDeleteInvocation delete = Single<FindDeleteInvocation>("find -L /opt/conda/ -type f -name '*.a' -delete");
        Assert.Equal(["/opt/conda/"], delete.StartPaths.Select(p => p.Value));
        Assert.Empty(ShellScript.Analyze("find / -name x -print").InvocationsOf<FindDeleteInvocation>());
    }

    [Fact]
    public void Invocations_come_in_command_order()
    {
        ShellScript script = ShellScript.Analyze("apt-get update && apt-get install -y python3-pip && pip install x && rm -rf /var/lib/apt/lists/*");
        Assert.Equal(
            [typeof(AptInvocation), typeof(AptInvocation), typeof(PipInvocation), typeof(RemoveInvocation)],
            script.Invocations.Select(i => i.GetType()));
    }
}
