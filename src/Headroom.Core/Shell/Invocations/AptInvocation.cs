using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary><c>apt-get</c> or <c>apt</c> with its action, options and packages.</summary>
public sealed class AptInvocation : ToolInvocation
{
    private static readonly OptionTable Table = new(
        allowAbbreviations: false,
        "-o|--option=", "-c|--config-file=", "-t|--target-release|--default-release=", "-a|--host-architecture=", "-P|--build-profiles=",
        "-y|--yes|--assume-yes", "--assume-no", "-q|--quiet", "-d|--download-only", "-f|--fix-broken", "-m|--ignore-missing|--fix-missing",
        "-s|--simulate|--dry-run|--just-print|--no-act|--recon", "-u|--show-upgraded", "-V|--verbose-versions", "-b|--compile|--build",
        "--no-install-recommends", "--install-recommends", "--install-suggests", "--no-install-suggests", "--no-upgrade", "--only-upgrade",
        "--allow-downgrades", "--allow-remove-essential", "--allow-change-held-packages", "--force-yes", "--print-uris", "--purge",
        "--reinstall", "--list-cleanup", "--no-list-cleanup", "--autoremove|--auto-remove", "--trivial-only", "--no-remove",
        "--allow-unauthenticated", "--allow-insecure-repositories", "--allow-releaseinfo-change", "--fix-policy", "-h|--help", "-v|--version");

    private AptInvocation(SimpleCommand command, ShellWord? actionWord, AptAction action, ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands)
        : base(command, command.CommandWord!, options, operands)
    {
        ActionWord = actionWord;
        Action = action;
        Packages = [.. operands.Select(w => PackageOperand.Parse(w, PackageSyntax.Apt))];
    }

    /// <summary>The action word (<c>install</c>), or null.</summary>
    public ShellWord? ActionWord { get; }

    public AptAction Action { get; }

    /// <summary>The operands after the action (packages, <c>pkg=1.2</c>, <c>./x.deb</c>, <c>$PKGS</c>).</summary>
    public ImmutableArray<PackageOperand> Packages { get; }

    /// <summary><c>-y</c>, <c>--yes</c>, <c>--assume-yes</c>, <c>-yqq</c>, or <c>-o APT::Get::Assume-Yes=true</c>.</summary>
    public bool AssumeYes => HasOption("--yes") || HasOption("--force-yes") || AptConfigurationIs("APT::Get::Assume-Yes", true);

    /// <summary><c>--no-install-recommends</c>, or <c>-o APT::Install-Recommends=false</c> (also <c>0</c>, <c>no</c>, <c>off</c>).</summary>
    public bool NoInstallRecommends => HasOption("--no-install-recommends") || AptConfigurationIs("APT::Install-Recommends", false);

    /// <summary>How many <c>-q</c> were given (<c>-qq</c> is 2).</summary>
    public int QuietLevel => Options.Count(o => o.Name == "--quiet");

    /// <summary>After the action word (<c>apt-get install| -y</c>), else after the program.</summary>
    public override int FlagInsertionOffset => (ActionWord ?? ToolWord).Span.End;

    /// <summary>True when an <c>-o KEY=VALUE</c> option sets <paramref name="key"/> to a boolean equal to <paramref name="expected"/>.</summary>
    public bool AptConfigurationIs(string key, bool expected)
    {
        foreach (ShellOption option in GetOptions("--option"))
        {
            if (option.Value is not { } value)
            {
                continue;
            }

            int eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && string.Equals(value[..eq].Trim(), key, StringComparison.OrdinalIgnoreCase)
                && ParseBoolean(value[(eq + 1)..].Trim().Trim('"', '\'')) == expected)
            {
                return true;
            }
        }

        return false;
    }

    private static bool? ParseBoolean(string text) => text.ToLowerInvariant() switch
    {
        "false" or "0" or "no" or "off" or "without" or "disable" => false,
        "true" or "1" or "yes" or "on" or "with" or "enable" => true,
        _ => null,
    };

    internal static AptInvocation TryParse(SimpleCommand command)
    {
        OptionScan scan = OptionScan.Read(command.Words, command.CommandWordIndex + 1, Table);
        (ShellWord? actionWord, ImmutableArray<ShellWord> operands) = SplitFirst(scan.Operands);
        AptAction action = actionWord?.Value switch
        {
            null => actionWord is null ? AptAction.None : AptAction.Other,
            "install" => AptAction.Install,
            "update" => AptAction.Update,
            "upgrade" => AptAction.Upgrade,
            "dist-upgrade" => AptAction.DistUpgrade,
            "full-upgrade" => AptAction.FullUpgrade,
            "remove" => AptAction.Remove,
            "purge" => AptAction.Purge,
            "autoremove" or "auto-remove" => AptAction.AutoRemove,
            "clean" => AptAction.Clean,
            "autoclean" or "auto-clean" => AptAction.AutoClean,
            "distclean" or "dist-clean" => AptAction.DistClean,
            _ => AptAction.Other,
        };
        return new AptInvocation(command, actionWord, action, scan.Options, operands);
    }
}
