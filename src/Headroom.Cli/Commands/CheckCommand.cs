using System.CommandLine;
using Headroom.Prediction;
using Headroom.Prediction.Output;
using Headroom.Rules;
using Headroom.Rules.Configuration;
using Headroom.Rules.Output;
using Headroom.Text;

namespace Headroom.Cli.Commands;

/// <summary>
/// <c>headroom check [PATH...]</c>: runs every rule over each PATH (a folder is the root; paths in the
/// report are relative to it) and reports in the chosen format. Exit 1 when a finding reaches
/// <c>--fail-on</c> (default: error), 2 when an input cannot be read.
/// </summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github", "markdown", "html"];

    public static Command Create(CommandContext context)
    {
        var binder = new CheckOptionsBinder();
        var format = new Option<string>("--format") { Description = string.Join(", ", Formats) + ".", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output") { Description = "Write the report to FILE (atomically) instead of stdout." };
        var failOn = new Option<string?>("--fail-on") { Description = "error, warning, info or never: the least severe finding that makes the exit code 1 (default: error)." };
        failOn.AcceptOnlyFromAmong([.. FailureThresholds.Names]);

        var command = new Command("check", "Lint Dockerfiles, requirement files, workflows and front-end configs.") { format, output, failOn };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            (string[] roots, HeadroomConfig config, CheckOptions options) = binder.Bind(parse, context.Host);
            using IndexSession indexes = IndexSession.Open(options, context.Host);
            options = indexes.Apply(options);
            (CheckResult result, Func<string, SourceText?> readSource) = Run(roots, options, config);
            string chosen = parse.GetValue(format)!;
            IReadOnlyList<ImagePrediction> predictions = chosen is "json" or "html" ? Predict(roots, options) : [];
            indexes.ReportNotices(context.Error);
            ReportOutput.Write(context, parse.GetValue(output), writer =>
            {
                switch (chosen)
                {
                    case "json":
                        FindingsJsonWriter.Write(writer, result, json => PredictionJsonWriter.WriteEntries(json, predictions));
                        break;
                    case "sarif":
                        SarifWriter.Write(writer, result, RuleCatalog.All.Select(r => r.Descriptor), ToolVersion.Current);
                        break;
                    case "github":
                        GitHubAnnotationsWriter.Write(writer, result);
                        break;
                    case "markdown":
                        FindingsMarkdownWriter.Write(writer, result);
                        break;
                    case "html":
                        FindingsHtmlWriter.Write(writer, result, readSource, predictions, "headroom " + ToolVersion.Current);
                        break;
                    default:
                        FindingsTextWriter.Write(writer, result, readSource, ciHealth: true);
                        break;
                }
            });

            FailureThreshold threshold = parse.GetValue(failOn) is { } given ? FailureThresholds.Parse(given)!.Value : config.FailOn ?? FailureThreshold.Error;
            return result.Findings.Any(f => threshold.IsReachedBy(f.Severity)) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What paths under <paramref name="root"/> are prefixed with when several roots are checked ("" for ".").</summary>
    internal static string PrefixOf(string root)
    {
        string prefix = (Directory.Exists(root) ? root : Path.GetDirectoryName(root) ?? string.Empty).Replace('\\', '/').TrimEnd('/');
        return prefix.Length == 0 || prefix == "." ? string.Empty : prefix + "/";
    }

    /// <summary>The predictions of every root's Dockerfiles (paths prefixed with the root as given when there are several).</summary>
    private static List<ImagePrediction> Predict(string[] roots, CheckOptions options)
    {
        var predictions = new List<ImagePrediction>();
        foreach (string root in roots)
        {
            string prefix = roots.Length == 1 ? string.Empty : PrefixOf(root);
            var context = new CheckContext(ProjectModel.Load(root), options);
            predictions.AddRange(ImagePredictor.Shared.PredictAll(context).Select(p => p with { Dockerfile = prefix + p.Dockerfile }));
        }

        return predictions;
    }

    /// <summary>Checks each root; with several roots, paths are prefixed with the root as given.</summary>
    internal static (CheckResult Result, Func<string, SourceText?> ReadSource) Run(string[] roots, CheckOptions options, HeadroomConfig config)
    {
        if (roots.Length == 1)
        {
            ProjectModel project = ProjectModel.Load(roots[0]);
            return (CheckRunner.Run(project, options, config), project.ReadSource);
        }

        var findings = new List<Finding>();
        int files = 0, suppressed = 0;
        var projects = new List<(string Prefix, ProjectModel Project)>();
        foreach (string root in roots)
        {
            ProjectModel project = ProjectModel.Load(root);
            string prefix = PrefixOf(root);
            projects.Add((prefix, project));
            CheckResult one = CheckRunner.Run(project, options, config);
            findings.AddRange(one.Findings.Select(f => f with { Path = prefix + f.Path }));
            files += one.FilesChecked;
            suppressed += one.SuppressedCount;
        }

        findings.Sort(CheckRunner.Compare);
        SourceText? ReadSource(string path)
        {
            foreach ((string prefix, ProjectModel project) in projects)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal) && project.ReadSource(path[prefix.Length..]) is { } source)
                {
                    return source;
                }
            }

            return null;
        }

        return (new CheckResult(findings, files, suppressed), ReadSource);
    }
}
