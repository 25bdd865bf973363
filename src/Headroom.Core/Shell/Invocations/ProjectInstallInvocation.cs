using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary>
/// <c>uv sync</c>/<c>uv export</c> and <c>poetry install</c>/<c>poetry export</c>/<c>poetry config</c>: a project
/// manager that installs from the project's lock file. <c>uv pip ...</c> is a <see cref="PipInvocation"/>.
/// </summary>
public sealed class ProjectInstallInvocation : ToolInvocation
{
    /// <summary>uv's global and project options (uv docs, "Commands: uv sync", "uv export", 0.9; the flags without a value last).</summary>
    private static readonly OptionTable UvTable = new(
        allowAbbreviations: false,
        "--extra=", "--no-extra=", "--group=", "--no-group=", "--only-group=", "--package=", "--no-install-package=", "--project=", "--directory=",
        "-p|--python=", "--cache-dir=", "--index=", "--default-index=", "-i|--index-url=", "--extra-index-url=", "-f|--find-links=", "--index-strategy=",
        "--link-mode=", "--config-file=", "--color=", "-P|--upgrade-package=", "--reinstall-package=", "--no-binary-package=", "--no-build-package=",
        "--refresh-package=", "-C|--config-setting|--config-settings=", "--exclude-newer=", "--prerelease=", "--resolution=", "--keyring-provider=",
        "--python-platform=", "--script=", "--output-format=", "--format=", "-o|--output-file=", "--allow-insecure-host=", "--python-preference=",
        "--compile-bytecode|--compile", "--frozen", "--locked", "--no-dev", "--dev", "--only-dev", "--all-extras", "--all-groups", "--no-default-groups",
        "--no-install-project", "--no-install-workspace", "--no-install-local", "--no-editable", "--inexact", "--exact", "--all-packages",
        "-n|--no-cache", "--offline", "--active", "--no-config", "-q|--quiet", "-v|--verbose", "--dry-run", "--check", "--no-progress", "--native-tls",
        "-U|--upgrade", "--refresh", "--reinstall", "--no-build", "--no-binary", "--no-sources", "--managed-python", "--no-managed-python",
        "--no-python-downloads", "--preview", "--no-preview", "--no-build-isolation", "--no-hashes", "--no-header", "--no-annotate",
        "--no-emit-project", "--no-emit-workspace", "--no-emit-local", "-h|--help", "-V|--version");

    /// <summary>Poetry's options of install and export (and the global ones) (python-poetry.org docs, "Commands", 2.x; <c>--no-dev</c> is 1.x).</summary>
    private static readonly OptionTable PoetryTable = new(
        allowAbbreviations: false,
        "--with=", "--without=", "--only=", "-E|--extras=", "-C|--directory=", "-P|--project=", "-f|--format=", "-o|--output=",
        "--all-extras", "--all-groups", "--no-root", "--only-root", "--no-directory", "--sync", "--compile", "--dry-run", "--no-dev",
        "--remove-untracked", "--no-cache", "-n|--no-interaction", "-q|--quiet", "-v|--verbose", "-vv", "-vvv", "--ansi", "--no-ansi",
        "--no-plugins", "--without-hashes", "--without-urls", "--with-credentials", "--local", "--unset", "--list", "-h|--help", "-V|--version");

    private ProjectInstallInvocation(SimpleCommand command, bool poetry, ShellWord? subcommandWord, ProjectCommandKind kind, ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands)
        : base(command, command.CommandWord!, options, operands)
    {
        IsPoetry = poetry;
        SubcommandWord = subcommandWord;
        Kind = kind;
    }

    /// <summary>Poetry (else uv).</summary>
    public bool IsPoetry { get; }

    /// <summary>The subcommand word (<c>sync</c>, <c>install</c>, <c>export</c>, <c>config</c>), or null.</summary>
    public ShellWord? SubcommandWord { get; }

    public ProjectCommandKind Kind { get; }

    /// <summary>The values of an option that may be repeated and may hold a comma- or space-separated list (<c>--with dev,test</c>, <c>--extras "a b"</c>).</summary>
    public IReadOnlyList<string> ListOf(string name) =>
        [.. GetOptions(name).Select(o => o.Value).OfType<string>().SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public override int FlagInsertionOffset => (SubcommandWord ?? ToolWord).Span.End;

    internal static ProjectInstallInvocation? TryParse(SimpleCommand command)
    {
        bool poetry = command.CommandBaseName == "poetry";
        OptionTable table = poetry ? PoetryTable : UvTable;
        ImmutableArray<ShellWord> words = command.Words;
        OptionScan global = OptionScan.Read(words, command.CommandWordIndex + 1, table, stopAtOperand: true);
        ShellWord? subcommand = WordAt(words, global.Next);
        ProjectCommandKind kind = (poetry, subcommand?.Value) switch
        {
            (_, null) => subcommand is null ? ProjectCommandKind.None : ProjectCommandKind.Other,
            (false, "sync") or (true, "install") => ProjectCommandKind.Install,
            (_, "export") => ProjectCommandKind.Export,
            (true, "config") => ProjectCommandKind.Config,
            _ => ProjectCommandKind.Other,
        };
        if (subcommand is null)
        {
            return poetry ? new ProjectInstallInvocation(command, poetry, null, kind, global.Options, []) : null;
        }

        if (!poetry && kind == ProjectCommandKind.Other)
        {
            return null;
        }

        OptionScan rest = OptionScan.Read(words, global.Next + 1, table);
        return new ProjectInstallInvocation(command, poetry, subcommand, kind, global.Options.AddRange(rest.Options), rest.Operands);
    }
}
