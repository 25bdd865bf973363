using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Headroom.Dockerfiles.Expansion;

namespace Headroom.Dockerfiles.Build;

/// <summary>
/// Expands one instruction's words the way BuildKit's dockerfile2llb does for that instruction
/// (instructions/commands.go Expand methods, dispatchArg, dispatchExpose, the RUN mount parser).
/// </summary>
public static partial class InstructionExpander
{
    // Heredoc bodies are expanded with a fixed backslash escape and quotes left alone (ExpandRaw).
    private static readonly WordExpander HeredocExpander = new('\\') { SkipProcessQuotes = true };

    /// <summary>
    /// Expands <paramref name="instruction"/> against <paramref name="variables"/>: the environment in force
    /// before it (for FROM, the global args). For ARG, a name given in <paramref name="buildArgs"/> takes the
    /// build arg's value unexpanded, and each default sees the ARGs before it in the same instruction.
    /// </summary>
    public static ExpandedInstruction Expand(
        Instruction instruction,
        VariableEnvironment variables,
        WordExpander expander,
        IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(expander);
        var run = new Run(expander, variables);
        ImmutableArray<string> args = instruction.Args;
        ImmutableArray<InstructionFlag> flags = instruction.Flags;
        ImmutableArray<Heredoc> heredocs = instruction.Heredocs;
        bool expanded = true;
        switch (instruction.Name)
        {
            case InstructionNames.From:
                args = args.IsEmpty ? args : args.SetItem(0, run.Word(args[0]));
                flags = run.Flags(flags, "platform");
                break;
            case InstructionNames.Arg:
                args = run.Args(args, buildArgs);
                break;
            case InstructionNames.Env or InstructionNames.Label:
                args = run.Pairs(args);
                break;
            case InstructionNames.Copy or InstructionNames.Add:
                args = [.. args.Select(arg => instruction.Heredocs.IsEmpty || !IsHeredocMarker(arg) ? run.Word(arg) : arg)];
                flags = run.Flags(flags, "chown", "chmod", "checksum");
                heredocs = [.. heredocs.Select(run.Heredoc)];
                break;
            case InstructionNames.Workdir or InstructionNames.User or InstructionNames.StopSignal or InstructionNames.Volume:
                args = [.. args.Select(run.Word)];
                break;
            case InstructionNames.Expose:
                args = [.. args.SelectMany(arg => run.Words(arg))];
                break;
            case InstructionNames.Run:
                // The command is the shell's to expand; only the mount options are BuildKit's.
                flags = run.Mounts(flags);
                expanded = false;
                break;
            default:
                expanded = false;
                break;
        }

        return new ExpandedInstruction(
            instruction, expanded, args, flags, heredocs, run.Matched, run.Unmatched, run.Failures.ToImmutable());
    }

    /// <summary>True for a COPY/ADD source that names a heredoc (<c>&lt;&lt;EOF</c>, <c>3&lt;&lt;-"EOF"</c>).</summary>
    public static bool IsHeredocMarker(string word) => HeredocMarker().IsMatch(word);

    [GeneratedRegex(@"^(\d*)<<(-?)\s*([^<]*)$")]
    private static partial Regex HeredocMarker();

    /// <summary>The state of one instruction's expansion: the words' names seen and the failures.</summary>
    private sealed class Run(WordExpander expander, VariableEnvironment variables)
    {
        private readonly HashSet<string> _matched = new(StringComparer.Ordinal);
        private readonly HashSet<string> _unmatched = new(StringComparer.Ordinal);

        public IReadOnlySet<string> Matched => _matched;

        public IReadOnlySet<string> Unmatched => _unmatched;

        public ImmutableArray<ExpansionFailure>.Builder Failures { get; } = ImmutableArray.CreateBuilder<ExpansionFailure>();

        public string Word(string word) => Word(word, variables, expander);

        public ImmutableArray<string> Words(string word)
        {
            ExpansionResult result = expander.ExpandWords(word, variables);
            Record(word, result);
            return result.Words;
        }

        public ImmutableArray<string> Pairs(ImmutableArray<string> triples)
        {
            // key, value, separator: the key and the value are expanded, all against the same environment.
            ImmutableArray<string>.Builder result = triples.ToBuilder();
            for (int i = 0; i + 1 < result.Count; i += 3)
            {
                result[i] = Word(result[i]);
                result[i + 1] = Word(result[i + 1]);
            }

            return result.ToImmutable();
        }

        public ImmutableArray<string> Args(ImmutableArray<string> args, IReadOnlyDictionary<string, string>? buildArgs)
        {
            ImmutableArray<string>.Builder result = args.ToBuilder();
            VariableEnvironment scope = variables;
            for (int i = 0; i < result.Count; i++)
            {
                int equals = result[i].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                string name = result[i][..equals];
                string value = buildArgs is not null && buildArgs.TryGetValue(name, out string? given)
                    ? given
                    : Word(result[i][(equals + 1)..], scope, expander);
                result[i] = name + "=" + value;
                scope = scope.Set(name, value);
            }

            return result.ToImmutable();
        }

        public ImmutableArray<InstructionFlag> Flags(ImmutableArray<InstructionFlag> flags, params string[] names) =>
            [.. flags.Select(flag => flag.Value is not null && names.Contains(flag.Name) ? WithValue(flag, Word(flag.Value)) : flag)];

        public ImmutableArray<InstructionFlag> Mounts(ImmutableArray<InstructionFlag> flags) =>
        [
            .. flags.Select(flag =>
            {
                if (flag.Name != "mount" || flag.Value is null || !RunMount.TryParse(flag.Value, out RunMount? mount, out _))
                {
                    return flag;
                }

                IEnumerable<string> fields = mount.Fields.Select(field =>
                    field.Value is null ? field.Key : field.Key + "=" + Word(field.Value));
                return WithValue(flag, string.Join(',', fields));
            }),
        ];

        public Heredoc Heredoc(Heredoc heredoc)
        {
            if (!heredoc.Expand)
            {
                return heredoc;
            }

            // BuildKit strips the tabs of <<- first, then expands; the result is the content as used.
            string body = Word(heredoc.EffectiveBody, variables, HeredocExpander);
            return body == heredoc.Body ? heredoc : new Heredoc
            {
                Name = heredoc.Name,
                Body = body,
                Expand = heredoc.Expand,
                StripTabs = false,
                FileDescriptor = heredoc.FileDescriptor,
                Span = heredoc.Span,
                BodyStartLine = heredoc.BodyStartLine,
            };
        }

        private string Word(string word, IVariableLookup lookup, WordExpander wordExpander)
        {
            ExpansionResult result = wordExpander.ExpandWord(word, lookup);
            Record(word, result);
            return result.Succeeded ? result.Value : word;
        }

        private void Record(string word, ExpansionResult result)
        {
            _matched.UnionWith(result.Matched);
            _unmatched.UnionWith(result.Unmatched);
            if (result.Error is not null)
            {
                Failures.Add(new ExpansionFailure(word, result.Error));
            }
        }

        private static InstructionFlag WithValue(InstructionFlag flag, string value) =>
            flag with { Raw = "--" + flag.Name + "=" + value, Value = value };
    }
}
