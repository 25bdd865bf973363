namespace Headroom.Dockerfiles.Parsing;

/// <summary>
/// BuildKit's <c>newNodeFromLine</c> and its dispatch table (line_parsers.go): each instruction's
/// arguments are split the way BuildKit splits them. Unknown instructions get BuildKit's empty node.
/// </summary>
internal static class LineParser
{
    public static ParsedLine Parse(string line, int start, int end, char escape)
    {
        SplitCommand split = CommandSplitter.Split(line, start, end, escape);
        string command = line[split.CommandStart..split.CommandEnd];
        string rest = line[split.ArgsStart..split.ArgsEnd];
        string name = GoText.ToLower(command);
        switch (name)
        {
            case InstructionNames.Add:
            case InstructionNames.Copy:
            case InstructionNames.Volume:
                return MaybeJsonToList(command, split, rest);
            case InstructionNames.Arg:
                return new ParsedLine { Command = command, Split = split, Args = ArgumentWords.Split(rest, escape) };
            case InstructionNames.Cmd:
            case InstructionNames.Entrypoint:
            case InstructionNames.Run:
            case InstructionNames.Shell:
                return MaybeJson(command, split, rest);
            case InstructionNames.Env:
                return NameValue(command, split, rest, "ENV", escape);
            case InstructionNames.Label:
                return NameValue(command, split, rest, "LABEL", escape);
            case InstructionNames.Expose:
            case InstructionNames.From:
                return new ParsedLine { Command = command, Split = split, Args = WhitespaceDelimited(rest) };
            case InstructionNames.Healthcheck:
                return HealthConfig(command, split, rest);
            case InstructionNames.Maintainer:
            case InstructionNames.StopSignal:
            case InstructionNames.User:
            case InstructionNames.Workdir:
                return new ParsedLine { Command = command, Split = split, Args = rest.Length == 0 ? [] : [rest] };
            case InstructionNames.Onbuild:
                if (rest.Length == 0)
                {
                    return new ParsedLine { Command = command, Split = split };
                }

                ParsedLine inner = Parse(line, split.ArgsStart, split.ArgsEnd, escape);
                return new ParsedLine { Command = command, Split = split, Inner = inner, Error = inner.Error };
            default:
                // parseIgnore: BuildKit keeps the instruction with one empty argument node.
                return new ParsedLine { Command = command, Split = split, Args = [string.Empty] };
        }
    }

    private static List<string> WhitespaceDelimited(string rest) =>
        rest.Length == 0 ? [] : GoText.SplitRegexWhitespace(rest);

    private static ParsedLine MaybeJson(string command, SplitCommand split, string rest)
    {
        if (rest.Length == 0)
        {
            return new ParsedLine { Command = command, Split = split };
        }

        return JsonArrayReader.Read(rest, out List<string> values) switch
        {
            JsonArrayOutcome.Strings => new ParsedLine { Command = command, Split = split, Args = values, IsJson = true },
            JsonArrayOutcome.NotStringArray => NotStringArray(command, split),
            _ => new ParsedLine { Command = command, Split = split, Args = [rest] },
        };
    }

    private static ParsedLine MaybeJsonToList(string command, SplitCommand split, string rest) =>
        JsonArrayReader.Read(rest, out List<string> values) switch
        {
            JsonArrayOutcome.Strings => new ParsedLine { Command = command, Split = split, Args = values, IsJson = true },
            JsonArrayOutcome.NotStringArray => NotStringArray(command, split),
            _ => new ParsedLine { Command = command, Split = split, Args = WhitespaceDelimited(rest) },
        };

    private static ParsedLine NotStringArray(string command, SplitCommand split) => new()
    {
        Command = command,
        Split = split,
        Error = "when using JSON array syntax, arrays must be comprised of strings only",
    };

    /// <summary>HEALTHCHECK: a type word, then the rest like CMD.</summary>
    private static ParsedLine HealthConfig(string command, SplitCommand split, string rest)
    {
        // BuildKit looks for white space byte by byte; the ASCII white space is what counts in practice.
        int sep = 0;
        while (sep < rest.Length && !IsAsciiSpace(rest[sep]))
        {
            sep++;
        }

        int next = sep;
        while (next < rest.Length && IsAsciiSpace(rest[next]))
        {
            next++;
        }

        if (sep == 0)
        {
            return new ParsedLine { Command = command, Split = split };
        }

        ParsedLine cmd = MaybeJson(command, split, rest[next..]);
        if (cmd.Error != null)
        {
            return cmd;
        }

        List<string> args = [rest[..sep], .. cmd.Args];
        return new ParsedLine { Command = command, Split = split, Args = args, IsJson = cmd.IsJson };
    }

    private static bool IsAsciiSpace(char c) => c < 0x80 && GoText.IsByteSpace(c);

    /// <summary>ENV and LABEL: <c>KEY name value</c> (legacy) or <c>KEY a=b c=d</c>, as key/value/separator triples.</summary>
    private static ParsedLine NameValue(string command, SplitCommand split, string rest, string key, char escape)
    {
        List<string> words = ArgumentWords.Split(rest, escape);
        if (words.Count == 0)
        {
            return new ParsedLine { Command = command, Split = split };
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            int ws = GoText.IndexOfRegexWhitespace(rest, 0, rest.Length);
            if (ws < 0)
            {
                return new ParsedLine { Command = command, Split = split, Error = key + " must have two arguments" };
            }

            int valueStart = ws;
            while (valueStart < rest.Length && GoText.IsRegexWhitespace(rest[valueStart]))
            {
                valueStart++;
            }

            return new ParsedLine { Command = command, Split = split, Args = [rest[..ws], rest[valueStart..], string.Empty] };
        }

        var args = new List<string>(words.Count * 3);
        foreach (string word in words)
        {
            int eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return new ParsedLine
                {
                    Command = command,
                    Split = split,
                    Error = "Syntax error - can't find = in " + GoQuote.Quote(word) + ". Must be of the form: name=value",
                };
            }

            args.Add(word[..eq]);
            args.Add(word[(eq + 1)..]);
            args.Add("=");
        }

        return new ParsedLine { Command = command, Split = split, Args = args };
    }
}
