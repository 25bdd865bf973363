using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary>Alpine's <c>apk</c> with its action, options and packages.</summary>
public sealed class ApkInvocation : ToolInvocation
{
    private static readonly OptionTable Table = new(
        allowAbbreviations: false,
        "-t|--virtual=", "-X|--repository=", "-p|--root=", "--arch=", "--repositories-file=", "--cache-dir=", "--keys-dir=",
        "--cache-max-age=", "--timeout=", "--force-binary-stdout",
        "--no-cache", "-U|--update-cache|--update", "-u|--upgrade", "-l|--latest", "-q|--quiet", "-v|--verbose", "-i|--interactive",
        "-f|--force", "--force-broken-world", "--force-overwrite", "--force-old-apk", "--force-refresh", "--force-non-repository",
        "--force-missing-repositories", "--allow-untrusted", "--initdb", "--no-progress", "--progress", "--clean-protected",
        "--no-scripts", "--purge", "-s|--simulate", "--no-network", "-a|--available", "--usermode", "--no-chown", "-r|--rdepends",
        "--no-interactive", "-h|--help", "-V|--version");

    private ApkInvocation(SimpleCommand command, ShellWord? actionWord, ApkAction action, ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands)
        : base(command, command.CommandWord!, options, operands)
    {
        ActionWord = actionWord;
        Action = action;
        Packages = [.. operands.Select(w => PackageOperand.Parse(w, PackageSyntax.Apk))];
    }

    public ShellWord? ActionWord { get; }

    public ApkAction Action { get; }

    /// <summary>The operands after the action (<c>curl</c>, <c>curl=8.5.0-r0</c>, <c>py3-pip~=23</c>).</summary>
    public ImmutableArray<PackageOperand> Packages { get; }

    public bool NoCache => HasOption("--no-cache");

    /// <summary><c>-U</c>, <c>--update-cache</c> (<c>--update</c> accepted).</summary>
    public bool UpdateCache => HasOption("--update-cache");

    /// <summary><c>--virtual NAME</c>/<c>-t NAME</c>: the option (its value is the group name), or null.</summary>
    public ShellOption? Virtual => FindOption("--virtual");

    public override int FlagInsertionOffset => (ActionWord ?? ToolWord).Span.End;

    internal static ApkInvocation TryParse(SimpleCommand command)
    {
        OptionScan scan = OptionScan.Read(command.Words, command.CommandWordIndex + 1, Table);
        (ShellWord? actionWord, ImmutableArray<ShellWord> operands) = SplitFirst(scan.Operands);
        ApkAction action = actionWord?.Value switch
        {
            null => actionWord is null ? ApkAction.None : ApkAction.Other,
            "add" => ApkAction.Add,
            "del" => ApkAction.Del,
            "update" => ApkAction.Update,
            "upgrade" => ApkAction.Upgrade,
            "cache" => ApkAction.Cache,
            _ => ApkAction.Other,
        };
        return new ApkInvocation(command, actionWord, action, scan.Options, operands);
    }
}
