using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary><c>npm</c>, <c>yarn</c> or <c>pnpm</c> with its subcommand, options and packages.</summary>
public sealed class NpmInvocation : ToolInvocation
{
    private static readonly OptionTable Table = new(
        allowAbbreviations: false,
        "--omit=", "--include=", "--registry=", "--prefix=", "--cache=", "--loglevel=", "-w|--workspace=", "--only=", "--userconfig=",
        "--tag=", "--install-strategy=", "--cache-folder=", "--modules-folder=", "--network-timeout=", "--mutex=", "--store-dir=",
        "-F|--filter=", "-C|--dir=",
        "-g|--global", "-D|--save-dev|--dev", "-P|--save-prod|--prod|--production", "-E|--save-exact|--exact", "-O|--save-optional|--optional",
        "--no-save", "--frozen-lockfile", "--immutable", "--pure-lockfile", "-f|--force", "--ignore-scripts", "--no-audit", "--no-fund",
        "--legacy-peer-deps", "--prefer-offline", "--offline", "--no-optional", "-s|--silent", "-q|--quiet", "--no-package-lock",
        "--no-progress", "--non-interactive", "--check-files", "--strict-peer-dependencies", "--shamefully-hoist", "-h|--help", "-v|--version");

    private NpmInvocation(
        SimpleCommand command,
        NodePackageManager manager,
        ShellWord? subcommandWord,
        NpmCommandKind kind,
        ImmutableArray<ShellOption> options,
        ImmutableArray<ShellWord> operands)
        : base(command, command.CommandWord!, options, operands)
    {
        Manager = manager;
        SubcommandWord = subcommandWord;
        Kind = kind;
        Packages = kind == NpmCommandKind.Install ? [.. operands.Select(w => PackageOperand.Parse(w, PackageSyntax.Npm))] : [];
    }

    public NodePackageManager Manager { get; }

    /// <summary>The subcommand word (<c>ci</c>, <c>install</c>; <c>clean</c> for <c>cache clean</c>), or null.</summary>
    public ShellWord? SubcommandWord { get; }

    public NpmCommandKind Kind { get; }

    /// <summary>The packages named on an install (<c>react@18</c>, <c>@scope/x</c>); empty for a project install.</summary>
    public ImmutableArray<PackageOperand> Packages { get; }

    public bool IsGlobal => HasOption("--global");

    public bool Force => HasOption("--force");

    /// <summary>Dev dependencies left out: <c>--production</c>, <c>--prod</c>, <c>--omit=dev</c>, <c>--only=prod</c>.</summary>
    public bool OmitsDevDependencies =>
        HasOption("--save-prod")
        || GetOptions("--omit").Any(o => o.Value == "dev")
        || GetOptions("--only").Any(o => o.Value is "prod" or "production");

    public override int FlagInsertionOffset => (SubcommandWord ?? ToolWord).Span.End;

    internal static NpmInvocation TryParse(SimpleCommand command, NodePackageManager manager)
    {
        OptionScan scan = OptionScan.Read(command.Words, command.CommandWordIndex + 1, Table);
        ImmutableArray<ShellWord> operands = scan.Operands;
        ShellWord? subcommand = WordAt(operands, 0);
        string? first = subcommand?.Value;
        string? second = WordAt(operands, 1)?.Value;
        NpmCommandKind kind = (manager, first, second) switch
        {
            (_, null, _) when subcommand is not null => NpmCommandKind.Other,
            (NodePackageManager.Yarn, null, _) => NpmCommandKind.Install,
            (_, null, _) => NpmCommandKind.None,
            (NodePackageManager.Npm, "ci" or "clean-install" or "ic" or "install-clean" or "isntall-clean", _) => NpmCommandKind.CleanInstall,
            (NodePackageManager.Npm, "install" or "i" or "in" or "ins" or "inst" or "insta" or "instal" or "isnt" or "isnta" or "isntal" or "isntall" or "add", _) => NpmCommandKind.Install,
            (NodePackageManager.Yarn or NodePackageManager.Pnpm, "install" or "i" or "add", _) => NpmCommandKind.Install,
            (NodePackageManager.Npm or NodePackageManager.Yarn, "cache", "clean" or "clear" or "rm") => NpmCommandKind.CacheClean,
            (NodePackageManager.Pnpm, "store", "prune") => NpmCommandKind.CacheClean,
            _ => NpmCommandKind.Other,
        };
        int skip = kind == NpmCommandKind.CacheClean ? 2 : subcommand is null ? 0 : 1;
        if (kind == NpmCommandKind.CacheClean)
        {
            subcommand = operands[1];
        }

        return new NpmInvocation(command, manager, subcommand, kind, scan.Options, operands.RemoveRange(0, Math.Min(skip, operands.Length)));
    }
}
