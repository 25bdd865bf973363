using System.Collections.Immutable;
using System.CommandLine;
using Headroom.Dockerfiles.Build;
using Headroom.Rules;
using Headroom.Rules.Configuration;

namespace Headroom.Cli.Commands;

/// <summary>The options that <c>check</c>, <c>fix</c> and <c>predict</c> share, and how they become <see cref="CheckOptions"/> and a <see cref="HeadroomConfig"/>.</summary>
internal sealed class CheckOptionsBinder
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Folders or files to check (default: the current folder).",
    };

    public Option<string?> Config { get; } = new("--config") { Description = "The .headroom.yaml to read (default: the nearest one upwards from PATH)." };

    public Option<string?> Budget { get; } = new("--budget") { Description = "Runner budget: a name such as github-ubuntu-latest, or a size such as 14GB." };

    public Option<bool> Offline { get; } = new("--offline") { Description = "No network: the embedded knowledge only." };

    public Option<string[]> BuildArgs { get; } = new("--build-arg") { Description = "NAME=VALUE, as for docker build (repeatable).", AllowMultipleArgumentsPerToken = false };

    public Option<string?> Target { get; } = new("--target") { Description = "The build target stage." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Config);
        command.Options.Add(Budget);
        command.Options.Add(Offline);
        command.Options.Add(BuildArgs);
        command.Options.Add(Target);
    }

    public string[] GetRoots(ParseResult parse) => parse.GetValue(Paths) is { Length: > 0 } given ? given : ["."];

    public CheckOptions GetOptions(ParseResult parse)
    {
        ImmutableDictionary<string, string> args = ImmutableDictionary<string, string>.Empty;
        foreach (string pair in parse.GetValue(BuildArgs) ?? [])
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--build-arg '{pair}': expected NAME=VALUE");
            }

            args = args.SetItem(pair[..eq], pair[(eq + 1)..]);
        }

        return new CheckOptions
        {
            Build = BuildOptions.Default with { BuildArgs = args, Target = parse.GetValue(Target) },
            Offline = parse.GetValue(Offline),
            Budget = parse.GetValue(Budget),
        };
    }

    /// <summary>
    /// The roots, the configuration and the options as <c>check</c> and <c>predict</c> use them: the budget falls back to
    /// the configuration's, and the network is allowed unless <c>--offline</c> or <c>HEADROOM_OFFLINE=1</c>.
    /// </summary>
    public (string[] Roots, HeadroomConfig Config, CheckOptions Options) Bind(ParseResult parse, CliHost host)
    {
        string[] roots = GetRoots(parse);
        HeadroomConfig config = GetConfig(parse, roots[0]);
        CheckOptions options = Network.Apply(GetOptions(parse), host);
        return (roots, config, options.Budget is null ? options with { Budget = config.Budget } : options);
    }

    /// <summary>The configuration: <c>--config</c>, else the nearest <c>.headroom.yaml</c> upwards from the first root, else the defaults.</summary>
    public HeadroomConfig GetConfig(ParseResult parse, string root)
    {
        string? path = parse.GetValue(Config);
        if (path is null)
        {
            string start = Directory.Exists(root) ? root : Path.GetDirectoryName(Path.GetFullPath(root))!;
            path = HeadroomConfigFile.FindNearest(start);
        }
        else if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        return path is null
            ? HeadroomConfig.Empty
            : HeadroomConfigFile.Parse(File.ReadAllText(path), path, RuleCatalog.ResolveId);
    }
}
