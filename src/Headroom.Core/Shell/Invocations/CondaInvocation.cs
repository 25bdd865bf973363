using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary><c>conda</c>, <c>mamba</c> or <c>micromamba</c> with its subcommand, channels and packages.</summary>
public sealed class CondaInvocation : ToolInvocation
{
    private static readonly OptionTable InstallTable = new(
        allowAbbreviations: false,
        "-c|--channel=", "-n|--name=", "-p|--prefix=", "-f|--file=", "-r|--root-prefix=", "--platform=", "--solver=", "--repodata-fn=",
        "--channel-priority=", "--rc-file=",
        "-y|--yes", "-q|--quiet", "-v|--verbose", "--override-channels", "--no-deps", "--only-deps", "--freeze-installed", "--update-deps",
        "--no-update-deps", "--strict-channel-priority", "--no-channel-priority", "--use-local", "--copy", "-S|--satisfied-skip-solve",
        "-m|--mkdir", "-d|--dry-run", "--json", "--offline", "--no-pin", "--all", "--clobber", "--force-reinstall", "--download-only",
        "--no-rc", "--no-env", "--no-banner", "--allow-softlinks", "-h|--help");

    private static readonly OptionTable CleanTable = new(
        allowAbbreviations: false,
        "-c|--tempfiles=", "-r|--root-prefix=",
        "-a|--all", "-i|--index-cache", "-p|--packages", "-t|--tarballs", "-f|--force-pkgs-dirs", "-l|--logfiles", "--locks", "-y|--yes",
        "-q|--quiet", "-d|--dry-run", "--json", "-v|--verbose", "-h|--help");

    private CondaInvocation(SimpleCommand command, ShellWord? subcommandWord, CondaCommandKind kind, ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands)
        : base(command, command.CommandWord!, options, operands)
    {
        SubcommandWord = subcommandWord;
        Kind = kind;
        Packages = kind is CondaCommandKind.Install or CondaCommandKind.Create or CondaCommandKind.Update or CondaCommandKind.Remove
            ? [.. operands.Select(w => PackageOperand.Parse(w, PackageSyntax.Conda))]
            : [];
    }

    /// <summary>The subcommand word (<c>install</c>; <c>create</c> for <c>conda env create</c>), or null.</summary>
    public ShellWord? SubcommandWord { get; }

    public CondaCommandKind Kind { get; }

    /// <summary>The package operands (<c>numpy=1.26</c>, <c>conda-forge::numpy</c>, <c>"python&gt;=3.11"</c>).</summary>
    public ImmutableArray<PackageOperand> Packages { get; }

    /// <summary><c>-c</c>/<c>--channel</c> options.</summary>
    public IEnumerable<ShellOption> Channels => GetOptions("--channel");

    /// <summary><c>--file</c>/<c>-f</c> options (environment or spec files).</summary>
    public IEnumerable<ShellOption> Files => GetOptions("--file");

    public bool AssumeYes => HasOption("--yes");

    /// <summary>For clean: <c>-a</c>/<c>--all</c>.</summary>
    public bool CleanAll => Kind == CondaCommandKind.Clean && HasOption("--all");

    public override int FlagInsertionOffset => (SubcommandWord ?? ToolWord).Span.End;

    internal static CondaInvocation TryParse(SimpleCommand command)
    {
        ImmutableArray<ShellWord> words = command.Words;
        OptionScan global = OptionScan.Read(words, command.CommandWordIndex + 1, InstallTable, stopAtOperand: true);
        int next = global.Next;
        ShellWord? subcommand = WordAt(words, next);
        CondaCommandKind kind = subcommand?.Value switch
        {
            null => subcommand is null ? CondaCommandKind.None : CondaCommandKind.Other,
            "install" => CondaCommandKind.Install,
            "create" => CondaCommandKind.Create,
            "update" or "upgrade" => CondaCommandKind.Update,
            "remove" or "uninstall" => CondaCommandKind.Remove,
            "clean" => CondaCommandKind.Clean,
            _ => CondaCommandKind.Other,
        };
        if (subcommand?.Value == "env" && WordAt(words, next + 1)?.Value is "create" or "update")
        {
            next++;
            subcommand = words[next];
            kind = subcommand.Value == "create" ? CondaCommandKind.EnvCreate : CondaCommandKind.EnvUpdate;
        }

        if (subcommand is null)
        {
            return new CondaInvocation(command, null, kind, global.Options, []);
        }

        OptionScan rest = OptionScan.Read(words, next + 1, kind == CondaCommandKind.Clean ? CleanTable : InstallTable);
        return new CondaInvocation(command, subcommand, kind, global.Options.AddRange(rest.Options), rest.Operands);
    }
}
