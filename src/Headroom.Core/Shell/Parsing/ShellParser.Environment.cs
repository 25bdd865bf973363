namespace Headroom.Shell.Parsing;

internal sealed partial class ShellParser
{
    /// <summary>Gives the command its view of the variables, then applies what it changes for later commands.</summary>
    private void TrackEnvironment(SimpleCommand command)
    {
        ShellEnvironment before = _environment;
        if (command.Words.IsEmpty)
        {
            command.Environment = before;
            foreach (ShellAssignment assignment in command.Assignments)
            {
                bool exported = _allExport || _environment.IsExported(assignment.Name);
                _environment = _environment.Set(ToVariable(assignment, exported, prefix: false));
            }

            return;
        }

        ShellEnvironment own = before;
        foreach (ShellAssignment assignment in command.Assignments.Concat(CommandWrappers.WrapperAssignments(command)))
        {
            own = own.Set(ToVariable(assignment, exported: true, prefix: true));
        }

        command.Environment = own;
        switch (command.CommandName)
        {
            case "export":
                ApplyDeclaration(command, exportByDefault: true);
                break;
            case "declare" or "typeset" or "local" or "readonly":
                ApplyDeclaration(command, exportByDefault: false);
                break;
            case "unset":
                foreach (ShellWord word in command.Arguments)
                {
                    if (word.Value is { } name && ShellNames.IsName(name))
                    {
                        _environment = _environment.Unset(name);
                    }
                }

                break;
            case "set":
                ApplySet(command);
                break;
        }
    }

    private ShellVariable ToVariable(ShellAssignment assignment, bool exported, bool prefix)
    {
        string? value = assignment.Value;
        if (assignment.IsAppend)
        {
            value = _environment.Find(assignment.Name)?.Value is { } old && value is not null ? old + value : null;
        }

        return new ShellVariable(assignment.Name, value, exported, assignment.Span, prefix);
    }

    /// <summary><c>export A=1 B</c>, <c>export -n A</c>, <c>declare -x A=1</c>, <c>local A=1</c>.</summary>
    private void ApplyDeclaration(SimpleCommand command, bool exportByDefault)
    {
        bool export = exportByDefault;
        bool unexport = false;
        foreach (ShellWord word in command.Arguments)
        {
            string text = word.LiteralPrefix;
            if (text.Length > 1 && text[0] is '-' or '+' && !text.Contains('=', StringComparison.Ordinal))
            {
                bool minus = text[0] == '-';
                if (text.Contains('x', StringComparison.Ordinal))
                {
                    export = minus;
                    unexport = !minus;
                }

                if (exportByDefault && minus && text.Contains('n', StringComparison.Ordinal))
                {
                    unexport = true;
                }

                continue;
            }

            if (ShellAssignment.TryCreate(word) is { } assignment)
            {
                bool exported = !unexport && (export || _allExport || _environment.IsExported(assignment.Name));
                _environment = _environment.Set(ToVariable(assignment, exported, prefix: false));
            }
            else if (word.Value is { } name && ShellNames.IsName(name) && (export || unexport))
            {
                ShellVariable? old = _environment.Find(name);
                _environment = _environment.Set(old is null
                    ? new ShellVariable(name, null, !unexport, word.Span)
                    : old with { IsExported = !unexport });
            }
        }
    }

    /// <summary><c>set -a</c> / <c>set -o allexport</c> export every later assignment.</summary>
    private void ApplySet(SimpleCommand command)
    {
        ShellWord[] arguments = [.. command.Arguments];
        for (int i = 0; i < arguments.Length; i++)
        {
            string? text = arguments[i].Value;
            if (text is null || text.Length < 2 || text[0] is not ('-' or '+') || text.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            bool on = text[0] == '-';
            if (text.Contains('a', StringComparison.Ordinal))
            {
                _allExport = on;
            }

            if (text.EndsWith('o') && i + 1 < arguments.Length && arguments[i + 1].Value == "allexport")
            {
                _allExport = on;
            }
        }
    }
}
