using Headroom.Shell;

namespace Headroom.Rules.Models;

/// <summary>
/// A <c>docker</c> command in a run script that names images: <c>run</c>/<c>create</c> (the image after the
/// options), <c>pull</c>, <c>push</c>, <c>tag</c>, <c>save</c>, <c>inspect</c>, <c>history</c> (every operand);
/// <c>docker image X</c> and <c>docker container X</c> are the same commands.
/// </summary>
/// <param name="Verb">The subcommand ("run", "pull", ...).</param>
/// <param name="Images">The words that name images (for run/create: the one image; after it come the container's command and arguments).</param>
public sealed record DockerImageCommand(string Verb, IReadOnlyList<ShellWord> Images)
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "run", "create", "pull", "push", "tag", "save", "inspect", "history" };

    // docker run/create flags that take no value; every other flag written without "=" takes the next word.
    private static readonly HashSet<string> RunSwitches = new(StringComparer.Ordinal)
    {
        "--rm", "-d", "--detach", "-i", "--interactive", "-t", "--tty", "--privileged", "--init", "--read-only",
        "-P", "--publish-all", "-q", "--quiet", "--no-healthcheck", "--oom-kill-disable", "--sig-proxy", "--disable-content-trust",
    };

    /// <summary>The docker image command, or null when the command is something else.</summary>
    public static DockerImageCommand? Of(SimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandBaseName != "docker")
        {
            return null;
        }

        List<ShellWord> args = [.. command.Arguments];
        int i = 0;
        while (i < args.Count && args[i].Value is { } global && global.StartsWith('-'))
        {
            // docker -H host, --context x, --config dir: global options before the subcommand.
            i += global.Contains('=', StringComparison.Ordinal) || global is "-D" or "--debug" or "--tls" or "--tlsverify" ? 1 : 2;
        }

        if (i < args.Count && args[i].Value is "image" or "container")
        {
            i++;
        }

        if (i >= args.Count || args[i].Value is not { } verb || !Verbs.Contains(verb))
        {
            return null;
        }

        List<ShellWord> rest = args[(i + 1)..];
        if (verb is "run" or "create")
        {
            for (int k = 0; k < rest.Count; k++)
            {
                string? word = rest[k].Value;
                if (word is null || !word.StartsWith('-'))
                {
                    return new DockerImageCommand(verb, [rest[k]]);
                }

                bool takesValue = !word.Contains('=', StringComparison.Ordinal) && !RunSwitches.Contains(word)
                    && !(word.Length > 2 && word[1] != '-' && word[1..].All(c => c is 'd' or 'i' or 't'));
                if (takesValue)
                {
                    k++;
                }
            }

            return null;
        }

        List<ShellWord> images = [];
        for (int k = 0; k < rest.Count; k++)
        {
            string? word = rest[k].Value;
            if (word is not null && word.StartsWith('-'))
            {
                if (word is "--platform" or "-o" or "--output" or "-f" or "--format" or "--type")
                {
                    k++;
                }

                continue;
            }

            images.Add(rest[k]);
        }

        return images.Count == 0 ? null : new DockerImageCommand(verb, images);
    }
}
