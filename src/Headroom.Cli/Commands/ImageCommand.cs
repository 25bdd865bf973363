using System.CommandLine;
using System.Text;
using Headroom.Images;
using Headroom.IO;

namespace Headroom.Cli.Commands;

/// <summary><c>headroom image SOURCE</c>: analyse a built image without unpacking it; gates give exit code 1.</summary>
internal static class ImageCommand
{
    public static Command Create(CommandContext context)
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "docker-archive:PATH, oci-archive:PATH, oci:DIR, docker://REGISTRY/REPO[:TAG|@DIGEST], docker-daemon:NAME[:TAG], a path (sniffed), or - (a docker-archive on stdin).",
        };
        var format = new Option<string>("--format") { Description = "text, json, markdown or html (a self-contained page with a treemap).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var output = new Option<string?>("--output") { Description = "Write the report to FILE (atomically) instead of stdout." };
        var config = new Option<string?>("--config") { Description = "The .headroom.yaml to read (default: the nearest one upwards from the current folder)." };
        var hash = new Option<bool>("--hash") { Description = "Hash every file's content to find duplicates." };
        var verify = new Option<bool>("--verify") { Description = "Check every blob's sha256 (and each layer's diff ID) while reading." };
        var valueOptions = new (string Key, string Description)[]
        {
            ("platform", "os/arch[/variant] to pick from a multi-platform index (default linux/amd64, else the only one)."),
            ("top", "How many largest files and packages to show (default 10)."),
            ("max-size", "Gate: fail when the image's bytes reach SIZE (e.g. 2GB, 1.5GiB)."),
            ("max-layer", "Gate: fail when a layer's bytes reach SIZE."),
            ("max-reclaimable", "Gate: fail when reclaimable bytes reach SIZE, or PERCENT of the image (e.g. 10%)."),
            ("min-efficiency", "Gate: fail when efficiency (finalBytes/bytes) is below 0..1."),
            ("forbid", "Gate: fail when any byte falls in these categories (comma-separated, e.g. cuda,pip-cache)."),
            ("budget", "Gate: a runner budget name (github-ubuntu-latest) or SIZE that the image must stay under."),
            ("max-budget-fraction", "The fraction of the budget the image may use (default 1.0)."),
            ("max-expansion", "Refuse a layer that decompresses to more than RATIO times its stored size past 1 GiB (default 1000)."),
            ("max-decompressed", "Refuse an image that decompresses to more than SIZE in all (default 1TiB)."),
        };
        var command = new Command("image", "Analyze a built image without unpacking it to disk.") { source, format, output, config, hash, verify };
        var options = new List<(string Key, Option<string?> Option)>();
        foreach ((string key, string description) in valueOptions)
        {
            var option = new Option<string?>("--" + key) { Description = description };
            options.Add((key, option));
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var settings = new ImageGateSettings();
            string? configPath = parse.GetValue(config);
            if (configPath is not null && !File.Exists(configPath))
            {
                throw new CliException($"{configPath}: no such file");
            }

            configPath ??= ImageConfigFile.FindNearest(Directory.GetCurrentDirectory());
            if (configPath is not null)
            {
                ImageConfigFile.Apply(File.ReadAllText(configPath), configPath, settings);
            }

            foreach ((string key, Option<string?> option) in options)
            {
                if (parse.GetValue(option) is string value)
                {
                    settings.Set(key, value, "--" + key);
                }
            }

            settings.Hash |= parse.GetValue(hash);
            settings.Verify |= parse.GetValue(verify);

            string chosen = parse.GetValue(format)!;
            ImageReport report;
            using (IImageSource image = ImageSources.Open(parse.GetValue(source)!, context.Host.OpenStandardInput, out string? reference))
            using (ProgressLine? progress = ProgressLine.Start(context.Host, context.Error, image.DisplayName))
            {
                var analysis = new ImageAnalysisOptions
                {
                    Selector = new ImageSelector(settings.Platform, reference, settings.Verify),
                    Top = settings.Top,
                    Hash = settings.Hash,
                    Limits = settings.Limits,
                    OnStoredBytes = progress is null ? null : progress.Add,
                    OnStoredTotal = progress is null ? null : progress.SetTotal,
                    SizeTree = chosen == "html",
                };
                report = ImageAnalyzer.Analyze(image, analysis);
            }

            report = report with { Gates = settings.Evaluate(report) };
            string? outputPath = parse.GetValue(output);
            Action<Stream> write = stream =>
            {
                if (chosen == "json")
                {
                    ImageReportWriter.WriteJson(stream, report);
                    return;
                }

                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                if (chosen == "html")
                {
                    ImageHtmlWriter.Write(writer, report, settings.Top, "headroom " + ToolVersion.Current);
                }
                else if (chosen == "markdown")
                {
                    ImageReportWriter.WriteMarkdown(writer, report, settings.Top);
                }
                else
                {
                    ImageReportWriter.WriteText(writer, report, settings.Top);
                }
            };

            if (outputPath is not null)
            {
                AtomicFile.Write(outputPath, write);
            }
            else
            {
                using var buffer = new MemoryStream();
                write(buffer);
                context.Out.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }

            return report.GatesPassed ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
