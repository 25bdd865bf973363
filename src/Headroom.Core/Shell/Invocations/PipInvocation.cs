using System.Buffers;
using System.Collections.Immutable;

namespace Headroom.Shell.Invocations;

/// <summary>
/// <c>pip</c>, <c>pip3.12</c>, <c>python -m pip</c> or <c>uv pip</c>, with its subcommand, options and packages.
/// </summary>
public sealed class PipInvocation : ToolInvocation
{
    private static readonly SearchValues<char> VersionChars = SearchValues.Create("0123456789.");

    private PipInvocation(
        SimpleCommand command,
        ShellWord toolWord,
        PipLauncher launcher,
        ShellWord? subcommandWord,
        PipCommandKind kind,
        ImmutableArray<ShellOption> options,
        ImmutableArray<ShellWord> operands)
        : base(command, toolWord, options, operands)
    {
        Launcher = launcher;
        SubcommandWord = subcommandWord;
        Kind = kind;
        Packages = kind is PipCommandKind.Install or PipCommandKind.Uninstall or PipCommandKind.Download or PipCommandKind.Wheel
            ? [.. operands.Select(w => PackageOperand.Parse(w, PackageSyntax.Pip))]
            : [];
    }

    public PipLauncher Launcher { get; }

    public bool IsUv => Launcher == PipLauncher.UvPip;

    /// <summary>The subcommand word (<c>install</c>; <c>purge</c> for <c>pip cache purge</c>), or null.</summary>
    public ShellWord? SubcommandWord { get; }

    public PipCommandKind Kind { get; }

    /// <summary>The package operands of install, uninstall, download and wheel (requirement strings, paths, URLs, files).</summary>
    public ImmutableArray<PackageOperand> Packages { get; }

    /// <summary><c>-r</c>/<c>--requirement</c> options (for <c>uv pip sync</c> the files are <see cref="ToolInvocation.Operands"/>).</summary>
    public IEnumerable<ShellOption> RequirementFiles => GetOptions("--requirement");

    public IEnumerable<ShellOption> ConstraintFiles => GetOptions("--constraint");

    public IEnumerable<ShellOption> Editables => GetOptions("--editable");

    /// <summary><c>--index-url</c>/<c>-i</c> (and uv's <c>--default-index</c>): replaces PyPI.</summary>
    public IEnumerable<ShellOption> IndexUrls => Options.Where(o => o.Name is "--index-url" or "--default-index");

    /// <summary><c>--extra-index-url</c> (and uv's <c>--index</c>): added to PyPI.</summary>
    public IEnumerable<ShellOption> ExtraIndexUrls => Options.Where(o => o.Name is "--extra-index-url" or "--index");

    public IEnumerable<ShellOption> FindLinks => GetOptions("--find-links");

    public bool NoIndex => HasOption("--no-index");

    /// <summary><c>--no-cache-dir</c> (pip, any accepted abbreviation) or <c>--no-cache</c>/<c>-n</c> (uv).</summary>
    public bool NoCacheDir => HasOption(IsUv ? "--no-cache" : "--no-cache-dir");

    /// <summary>
    /// True when the command's environment disables the cache: <c>PIP_NO_CACHE_DIR</c> set to any value
    /// (pip treats even <c>0</c>/<c>false</c> as "no cache") for pip, <c>UV_NO_CACHE</c> for uv. Only variables the script
    /// exported or put before the command count, and the initial environment given to
    /// <see cref="ShellScript.Analyze(string, ShellEnvironment)"/> (Dockerfile ENV).
    /// </summary>
    public bool CacheDisabledByEnvironment => IsUv
        ? Environment.Find("UV_NO_CACHE") is { IsExported: true, Value: not ("" or "0" or "false") }
        : Environment.Find("PIP_NO_CACHE_DIR") is { IsExported: true, Value: not "" };

    public bool NoDeps => HasOption("--no-deps");

    public bool Pre => HasOption("--pre");

    public bool Upgrade => HasOption("--upgrade");

    public bool User => HasOption("--user");

    public bool BreakSystemPackages => HasOption("--break-system-packages");

    public bool RequireHashes => HasOption("--require-hashes");

    public bool NoBuildIsolation => HasOption("--no-build-isolation");

    /// <summary><c>--target</c>/<c>-t</c>, or null.</summary>
    public ShellOption? Target => FindOption("--target");

    /// <summary>Where to insert a flag: after the subcommand word (<c>pip install| torch</c>).</summary>
    public override int FlagInsertionOffset => (SubcommandWord ?? ToolWord).Span.End;

    internal static PipInvocation? TryParse(SimpleCommand command)
    {
        int index = command.CommandWordIndex;
        string name = command.CommandBaseName!;
        ImmutableArray<ShellWord> words = command.Words;
        PipLauncher launcher;
        int argsStart;
        if (IsVersioned(name, "pip"))
        {
            launcher = PipLauncher.Pip;
            argsStart = index + 1;
        }
        else if (IsVersioned(name, "python") && FindModule(words, index + 1, "pip") is int module)
        {
            launcher = PipLauncher.PythonModule;
            argsStart = module + 1;
        }
        else if (name == "uv")
        {
            OptionScan global = OptionScan.Read(words, index + 1, PipOptionTables.Uv, stopAtOperand: true);
            if (global.Next >= words.Length || words[global.Next].Value != "pip")
            {
                return null;
            }

            return Build(command, PipLauncher.UvPip, global.Next + 1, PipOptionTables.Uv, global.Options);
        }
        else
        {
            return null;
        }

        return Build(command, launcher, argsStart, PipOptionTables.Pip, []);
    }

    private static PipInvocation Build(SimpleCommand command, PipLauncher launcher, int argsStart, OptionTable table, ImmutableArray<ShellOption> leading)
    {
        ImmutableArray<ShellWord> words = command.Words;
        OptionScan global = OptionScan.Read(words, argsStart, table, stopAtOperand: true);
        ImmutableArray<ShellOption> options = leading.AddRange(global.Options);
        ShellWord? subcommand = WordAt(words, global.Next);
        if (subcommand is null)
        {
            return new PipInvocation(command, command.CommandWord!, launcher, null, PipCommandKind.None, options, []);
        }

        OptionScan rest = OptionScan.Read(words, global.Next + 1, table);
        ImmutableArray<ShellWord> operands = rest.Operands;
        PipCommandKind kind = subcommand.Value switch
        {
            "install" => PipCommandKind.Install,
            "uninstall" => PipCommandKind.Uninstall,
            "download" => PipCommandKind.Download,
            "wheel" => PipCommandKind.Wheel,
            "sync" when launcher == PipLauncher.UvPip => PipCommandKind.Sync,
            "cache" => PipCommandKind.Cache,
            _ => PipCommandKind.Other,
        };
        if (kind == PipCommandKind.Cache && operands.Length > 0 && operands[0].Value is "purge" or "remove")
        {
            kind = operands[0].Value == "purge" ? PipCommandKind.CachePurge : PipCommandKind.CacheRemove;
            subcommand = operands[0];
            operands = operands.RemoveAt(0);
        }

        return new PipInvocation(command, command.CommandWord!, launcher, subcommand, kind, options.AddRange(rest.Options), operands);
    }

    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.12</c> for <paramref name="stem"/> "pip".</summary>
    internal static bool IsVersioned(string name, string stem)
    {
        if (!name.StartsWith(stem, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = name.AsSpan(stem.Length);
        return rest.IsEmpty || (char.IsAsciiDigit(rest[0]) && !rest.ContainsAnyExcept(VersionChars));
    }

    /// <summary>After <c>python</c>: the index of the module's word of <c>-m pip</c>/<c>-m venv</c> (interpreter options skipped), or null.</summary>
    internal static int? FindModule(ImmutableArray<ShellWord> words, int start, string moduleName)
    {
        for (int i = start; i < words.Length; i++)
        {
            string? text = words[i].Value;
            if (text is null || text.Length < 2 || text[0] != '-')
            {
                return null;
            }

            if (text is "-W" or "-X")
            {
                i++;
                continue;
            }

            if (text.StartsWith("-W", StringComparison.Ordinal) || text.StartsWith("-X", StringComparison.Ordinal) || text.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            int m = text.IndexOf('m', StringComparison.Ordinal);
            int c = text.IndexOf('c', StringComparison.Ordinal);
            if (c >= 0 && (m < 0 || c < m))
            {
                return null; // python -c '...'
            }

            if (m < 0)
            {
                continue;
            }

            string module = m + 1 < text.Length ? text[(m + 1)..] : (i + 1 < words.Length ? words[i + 1].Value ?? "" : "");
            return module == moduleName ? (m + 1 < text.Length ? i : i + 1) : null;
        }

        return null;
    }
}
