using System.Collections.Immutable;

namespace Headroom.Shell;

/// <summary>
/// Programs that run another program given as their arguments (<c>sudo</c>, <c>env A=b</c>, <c>exec</c>, <c>nice</c>,
/// <c>timeout 60</c>, <c>gosu user</c>, <c>xargs</c>, ...): finds the program that really runs. For <c>xargs</c> the
/// program gets more arguments from its input, which the analysis cannot see.
/// </summary>
internal static class CommandWrappers
{
    private const int MaxWrappers = 8;

    /// <summary>The index of the word naming the program that runs; -1 when the words are empty.</summary>
    public static int FindCommandIndex(ImmutableArray<ShellWord> words)
    {
        int i = 0;
        for (int n = 0; n < MaxWrappers && i < words.Length; n++)
        {
            if (words[i].Value is not { } name)
            {
                return i;
            }

            int next = ShellNames.BaseName(name) switch
            {
                "sudo" => SkipOptions(words, i + 1, "ughprtCDUT", assignments: true),
                "doas" => SkipOptions(words, i + 1, "uC", assignments: false),
                "env" => SkipOptions(words, i + 1, "uCS", assignments: true),
                "exec" => SkipOptions(words, i + 1, "a", assignments: false),
                "command" when i + 1 < words.Length && words[i + 1].Value is "-v" or "-V" => -1,
                "command" or "nohup" or "time" or "eatmydata" or "chronic" => SkipOptions(words, i + 1, "", assignments: false),
                "nice" => SkipOptions(words, i + 1, "n", assignments: false),
                "stdbuf" => SkipOptions(words, i + 1, "ioe", assignments: false),
                "timeout" => SkipOptions(words, i + 1, "sk", assignments: false) + 1,
                "xargs" => SkipOptions(words, i + 1, "adEILnPs", assignments: false),
                "gosu" or "su-exec" => i + 2,
                _ => -1,
            };
            if (next < 0)
            {
                return i;
            }

            i = next;
        }

        return i < words.Length ? i : -1;
    }

    /// <summary>The <c>NAME=value</c> words given to <c>env</c> or <c>sudo</c> before the program.</summary>
    public static IEnumerable<ShellAssignment> WrapperAssignments(SimpleCommand command)
    {
        int end = command.CommandWordIndex < 0 ? command.Words.Length : command.CommandWordIndex;
        for (int i = 1; i < end; i++)
        {
            if (ShellAssignment.TryCreate(command.Words[i]) is { } assignment)
            {
                yield return assignment;
            }
        }
    }

    private static int SkipOptions(ImmutableArray<ShellWord> words, int start, string shortOptionsWithValue, bool assignments)
    {
        int i = start;
        while (i < words.Length)
        {
            string? text = words[i].Value;
            if (text is null)
            {
                break;
            }

            if (text == "--")
            {
                return i + 1;
            }

            if (text.Length > 1 && text[0] == '-')
            {
                bool takesValue = text.Length == 2 && shortOptionsWithValue.Contains(text[1], StringComparison.Ordinal);
                i += takesValue ? 2 : 1;
                continue;
            }

            if (assignments && ShellAssignment.TryCreate(words[i]) is not null)
            {
                i++;
                continue;
            }

            break;
        }

        return i;
    }
}
