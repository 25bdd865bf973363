using System.CommandLine;
using Headroom.Prediction;
using Headroom.Prediction.Output;
using Headroom.Rules;

namespace Headroom.Cli.Commands;

/// <summary>
/// <c>headroom predict [PATH...]</c>: the size prediction part of <c>check</c> with the full breakdown (text), or the
/// contract's <c>predictions</c> (json); <c>--alternatives</c> adds the what-if table. Exit 1 when a prediction
/// exceeds the budget, 2 when an input cannot be read.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CommandContext context)
    {
        var binder = new CheckOptionsBinder();
        var format = new Option<string>("--format") { Description = "text, json or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--output") { Description = "Write the report to FILE (atomically) instead of stdout." };
        var alternatives = new Option<bool>("--alternatives") { Description = "Predict the variants a team would consider (CPU torch, multi-stage, same-RUN cleanup, slimmer base, --no-cache-dir) and show what each saves." };
        var command = new Command("predict", "Predict each image's size and the build's peak disk, with the full breakdown.") { format, output, alternatives };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            (string[] roots, _, CheckOptions options) = binder.Bind(parse, context.Host);
            Budgets.Resolve(options.Budget);

            // The notes of each prediction say what the indexes could not give; nothing goes to stderr.
            using IndexSession indexes = IndexSession.Open(options, context.Host);
            options = indexes.Apply(options);
            var predictions = new List<ImagePrediction>();
            var tables = new List<(ImagePrediction Prediction, IReadOnlyList<AlternativeOutcome> Rows)>();
            foreach (string root in roots)
            {
                var check = new CheckContext(ProjectModel.Load(root), options);
                string prefix = roots.Length == 1 ? string.Empty : CheckCommand.PrefixOf(root);
                foreach (ImagePrediction prediction in ImagePredictor.Shared.PredictAll(check))
                {
                    predictions.Add(prediction with { Dockerfile = prefix + prediction.Dockerfile });
                    if (parse.GetValue(alternatives))
                    {
                        tables.Add((prediction with { Dockerfile = prefix + prediction.Dockerfile }, Alternatives.Evaluate(ImagePredictor.Shared, check, prediction)));
                    }
                }
            }

            ReportOutput.Write(context, parse.GetValue(output), writer =>
            {
                if (parse.GetValue(format) == "json")
                {
                    PredictionJsonWriter.Write(writer, predictions);
                    return;
                }

                if (parse.GetValue(format) == "html")
                {
                    PredictionHtmlWriter.Write(writer, predictions, "headroom " + ToolVersion.Current);
                    return;
                }

                PredictionTextWriter.Write(writer, predictions);
                foreach ((ImagePrediction prediction, IReadOnlyList<AlternativeOutcome> rows) in tables)
                {
                    writer.WriteLine();
                    Alternatives.Write(writer, prediction, rows);
                }
            });

            return predictions.Any(p => p.Budget is { UsedFraction: > 1 }) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
