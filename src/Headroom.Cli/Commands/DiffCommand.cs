using System.CommandLine;
using Headroom.Cli.Commands.Diff;
using Headroom.Diagnostics;
using Headroom.Diff;
using Headroom.Diff.Output;
using Headroom.Prediction;
using Headroom.Rules;

namespace Headroom.Cli.Commands;

/// <summary>
/// <c>headroom diff BEFORE AFTER</c>: the impact of a change between two built images, two predictions (a Dockerfile,
/// a folder, or <c>REV:path</c> at a git revision), or one of each. Exit 0 when it ran, 2 when a side cannot be read.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CommandContext context)
    {
        var before = new Argument<string>("BEFORE") { Description = "An image source (as for 'headroom image'), a Dockerfile or its folder, or REV:path (e.g. HEAD~1:backend/Dockerfile)." };
        var after = new Argument<string>("AFTER") { Description = "The same kinds as BEFORE." };
        var format = new Option<string>("--format") { Description = "text, json, markdown (a pull request's Impact section) or html (one self-contained page).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var output = new Option<string?>("--output") { Description = "Write the report to FILE (atomically) instead of stdout." };
        var platform = new Option<string?>("--platform") { Description = "os/arch[/variant] to pick from a multi-platform image index." };
        var top = new Option<int>("--top") { Description = "How many biggest movers to list (default 10).", DefaultValueFactory = _ => 10 };
        var repo = new Option<string?>("--repo") { Description = "The git repository that REV:path sides are read from (default: the current folder)." };
        var binder = new CheckOptionsBinder();
        var command = new Command("diff", "Impact of a change: two images, two predictions, or one of each.")
        {
            before, after, format, output, platform, top, repo, binder.Config, binder.Budget, binder.Offline, binder.BuildArgs, binder.Target,
        };
        command.SetAction(parse =>
        {
            string beforeSpec = parse.GetValue(before)!;
            string afterSpec = parse.GetValue(after)!;
            if (beforeSpec == "-" && afterSpec == "-")
            {
                throw new CliException("diff: only one side can be read from standard input (-)");
            }

            CheckOptions options = Network.Apply(binder.GetOptions(parse), context.Host);
            string? budget = options.Budget ?? binder.GetConfig(parse, ".").Budget;
            Budgets.Resolve(budget);
            var reader = new DiffInputReader(context, options, parse.GetValue(platform), parse.GetValue(repo) ?? Directory.GetCurrentDirectory());
            DiffInput b = reader.Read(beforeSpec);
            DiffInput a = reader.Read(afterSpec);
            var diffOptions = new DiffOptions { Budget = budget, Top = Math.Max(0, parse.GetValue(top)), BeforeName = beforeSpec, AfterName = afterSpec };
            DiffReport report = (b, a) switch
            {
                ({ Image: { } x }, { Image: { } y }) => ImageDiff.Compare(x, y, diffOptions),
                ({ Prediction: { } x }, { Prediction: { } y }) => PredictionDiff.Compare(x, y, diffOptions),
                ({ Image: { } x }, { Prediction: { } y }) => MixedDiff.Compare(x, y, diffOptions),
                ({ Prediction: { } x }, { Image: { } y }) => MixedDiff.Compare(x, y, diffOptions),
                _ => throw new InputException($"{beforeSpec}, {afterSpec}: nothing to compare"),
            };

            string chosen = parse.GetValue(format)!;
            ReportOutput.Write(context, parse.GetValue(output), writer =>
            {
                switch (chosen)
                {
                    case "json":
                        DiffJsonWriter.Write(writer, report);
                        break;
                    case "markdown":
                        DiffMarkdownWriter.Write(writer, report);
                        break;
                    case "html":
                        DiffHtmlWriter.Write(writer, report, "headroom " + ToolVersion.Current);
                        break;
                    default:
                        DiffTextWriter.Write(writer, report);
                        break;
                }
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
