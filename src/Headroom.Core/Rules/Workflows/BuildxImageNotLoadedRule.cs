using Headroom.Diagnostics;
using Headroom.Rules.Fixing;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Rules.Workflows;

/// <summary>
/// GH004: docker/build-push-action builds an image on a buildx container driver (docker/setup-buildx-action's
/// default <c>docker-container</c>) without <c>load: true</c>, <c>push: true</c> or a <c>type=docker</c>/registry
/// output, and a later step of the same job uses one of its tags (<c>docker run|create|tag|push|save|inspect</c>,
/// <c>uses: docker://</c>). The image only stays in the builder's cache, so that step fails. The fix adds
/// <c>load: true</c> under the build step's <c>with:</c> (not for multi-platform builds, which the docker exporter cannot load).
/// </summary>
public sealed class BuildxImageNotLoadedRule : IRule
{
    // shared/reference/ci-breakage.md §8: setup-buildx-action defaults to the docker-container driver; only the
    // docker driver loads results into the engine's store; build-push-action's load defaults to false
    // (docker/build-push-action#388 for the later step's error, #1157 for load with several platforms).
    public RuleDescriptor Descriptor { get; } = new(
        "GH004", "buildx-image-not-loaded", DiagnosticSeverity.Error,
        "an image built with buildx's container driver is used by a later step without load: true", Fixable: true);

    public void Check(CheckContext context, FindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (WorkflowDocument document in WorkflowDocument.All(context))
        {
            foreach (Job job in document.Workflow.Jobs)
            {
                foreach (BuildxBuild build in BuildxSteps.Of(job))
                {
                    if (!build.BuilderKeepsResult || build.Loads || build.Pushes || build.HasDynamicOutput || build.Tags.Count == 0)
                    {
                        continue;
                    }

                    if (FirstUse(document, job, build) is { } use)
                    {
                        Report(document, build, use, findings);
                    }
                }
            }
        }
    }

    private static (string Tag, string What, LinePosition Where)? FirstUse(WorkflowDocument document, Job job, BuildxBuild build)
    {
        var tags = build.Tags.ToDictionary(BuildxSteps.NormalizeImage, t => t, StringComparer.Ordinal);
        foreach (Step step in job.Steps.Where(s => s.Index > build.Step.Index))
        {
            if (step.Uses is { Kind: ActionReferenceKind.Docker, DockerImage: { } image } uses && tags.TryGetValue(BuildxSteps.NormalizeImage(image), out string? usedTag))
            {
                return (usedTag, $"'uses: docker://{image}'", uses.Start);
            }

            if (step.Run is not { } run || document.ScriptOf(step) is not { } script)
            {
                continue;
            }

            foreach (SimpleCommand command in script.Commands)
            {
                if (DockerImageCommand.Of(command) is not { } docker)
                {
                    continue;
                }

                foreach (ShellWord word in docker.Images)
                {
                    if (word.Value is { } value && tags.TryGetValue(BuildxSteps.NormalizeImage(value), out string? tag))
                    {
                        LinePosition where = document.ToSourceOffset(run, word.Span.Start) is { } offset
                            ? document.Source.GetPosition(offset)
                            : run.Node.Start;
                        return (tag, $"'docker {docker.Verb}'", where);
                    }
                }
            }
        }

        return null;
    }

    private static void Report(WorkflowDocument document, BuildxBuild build, (string Tag, string What, LinePosition Where) use, FindingSink findings)
    {
        string setup = build.Setup is { } s ? $" ({BuildxSteps.SetupBuildx} at line {s.Start.Line})" : string.Empty;
        string error = use.What == "'docker push'" || use.What == "'docker tag'"
            ? $"\"An image does not exist locally with the tag: {use.Tag}\""
            : $"\"Unable to find image '{use.Tag}' locally\"";
        bool multiPlatform = build.Platforms.Count > 1;
        string advice = multiPlatform
            ? $"'load: true' cannot load the {build.Platforms.Count} platforms of this build (\"docker exporter does not currently support exporting manifest lists\"), so build one platform for the step that uses it and load that"
            : "add 'load: true' under the build step's 'with:' (the loaded copy takes the image's size again on the runner's disk, see GH005)";
        string message = $"{use.Tag} is built by {BuildxSteps.BuildPush} on buildx's {build.Driver} driver{setup} and neither loaded nor pushed, so it stays in the builder's cache and {use.What} at line {use.Where.Line} fails with {error}; {advice}";
        Fix? fix = multiPlatform ? null : LoadFix(document, build);
        ActionReference uses = build.Step.Uses!;
        findings.Report(
            document.Source,
            uses.Span,
            message,
            anchorLine: build.Step.Start.Line,
            fix: fix,
            related: [new RelatedLocation(document.Path, use.Where.Line, use.Where.Column, $"{use.Tag} is used here")]);
    }

    /// <summary><c>load: false</c> becomes <c>load: true</c>; else <c>load: true</c> goes above the first input of a block <c>with:</c>, at its indentation.</summary>
    private static Fix? LoadFix(WorkflowDocument document, BuildxBuild build)
    {
        const string Description = "add 'load: true' so the image reaches the local Docker store";
        if (build.Load is { } load)
        {
            return load.IsBlock ? null : Fix.InFile(Description, document.Path, new TextEdit(load.Span, "true"));
        }

        if (build.Step.With is not { IsFlow: false, Entries: [var first, ..] })
        {
            return null;
        }

        SourceText source = document.Source;
        int keyStart = first.Key.Span.Start;
        int lineStart = source.GetLineStart(first.Key.Start.Line);
        string indent = source.ToString(new TextSpan(lineStart, keyStart - lineStart));
        if (indent.Any(c => c != ' '))
        {
            return null;
        }

        string newLine = TextEdits.NewLineOf(source.Text);
        return Fix.InFile(Description, document.Path, TextEdit.Insert(keyStart, "load: true" + newLine + indent));
    }
}
