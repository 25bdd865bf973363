using System.CommandLine;
using Headroom.Rules;

namespace Headroom.Cli.Commands;

/// <summary>
/// <c>headroom rules [ID]</c>: the list of rules, or one rule's page (the text of <c>docs/rules/ID.md</c>,
/// embedded in the tool at build time so that it matches the version that runs).
/// </summary>
internal static class RulesCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string?>("ID") { Arity = ArgumentArity.ZeroOrOne, Description = "A rule ID or slug, e.g. DF001 or cuda-torch-on-cpu-build." };
        var command = new Command("rules", "List the rules, or explain one.") { id };
        command.SetAction(parse =>
        {
            if (parse.GetValue(id) is not { } name)
            {
                int width = RuleCatalog.All.Max(r => r.Descriptor.Slug.Length);
                foreach (IRule rule in RuleCatalog.All)
                {
                    RuleDescriptor d = rule.Descriptor;
                    string severity = Rules.Output.FindingsJsonWriter.SeverityName(d.DefaultSeverity);
                    context.Out.WriteLine($"{d.Id}  {d.Slug.PadRight(width)}  {severity,-7}  {(d.Fixable ? "fix" : "   ")}  {d.Title}");
                }

                context.Out.WriteLine();
                context.Out.WriteLine($"{RuleCatalog.All.Count} rules. 'headroom rules ID' explains one.");
                return ExitCodes.Ok;
            }

            IRule found = RuleCatalog.Find(name) ?? throw new CliException($"unknown rule '{name}' (see 'headroom rules')");
            context.Out.Write(RulePage(found.Descriptor.Id) ?? $"# {found.Descriptor.Id} {found.Descriptor.Slug}\n\n{found.Descriptor.Title}\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The embedded page of a rule, or null when the build had none.</summary>
    internal static string? RulePage(string id)
    {
        using Stream? stream = typeof(RulesCommand).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
