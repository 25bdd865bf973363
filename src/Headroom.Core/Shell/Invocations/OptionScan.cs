using System.Collections.Immutable;
using Headroom.Text;

namespace Headroom.Shell.Invocations;

/// <summary>Splits a tool's words into options (with their values) and operands.</summary>
internal sealed class OptionScan
{
    private OptionScan(ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> operands, int next)
    {
        Options = options;
        Operands = operands;
        Next = next;
    }

    public ImmutableArray<ShellOption> Options { get; }

    public ImmutableArray<ShellWord> Operands { get; }

    /// <summary>With stopAtOperand: the index of the first operand (or the word count).</summary>
    public int Next { get; }

    /// <summary>
    /// Reads <paramref name="words"/> from <paramref name="start"/>: <c>--name</c>, <c>--name=value</c>, <c>--name value</c>
    /// (when the table says it takes one), short clusters <c>-abc</c> and <c>-rVALUE</c>, <c>--</c>. A dynamic word is an
    /// option only when its literal start is one.
    /// </summary>
    public static OptionScan Read(ImmutableArray<ShellWord> words, int start, OptionTable table, bool stopAtOperand = false)
    {
        var options = ImmutableArray.CreateBuilder<ShellOption>();
        var operands = ImmutableArray.CreateBuilder<ShellWord>();
        bool onlyOperands = false;
        int i = start;
        while (i < words.Length)
        {
            ShellWord word = words[i];
            string text = word.LiteralPrefix;
            bool isOption = !onlyOperands && text.Length > 1 && text[0] == '-';
            if (!isOption)
            {
                if (stopAtOperand)
                {
                    break;
                }

                operands.Add(word);
                i++;
                continue;
            }

            if (text == "--" && !word.IsDynamic)
            {
                onlyOperands = true;
                i++;
                continue;
            }

            i = text.StartsWith("--", StringComparison.Ordinal)
                ? ReadLong(words, i, table, options)
                : ReadCluster(words, i, table, options);
        }

        return new OptionScan(options.ToImmutable(), operands.ToImmutable(), i);
    }

    private static int ReadLong(ImmutableArray<ShellWord> words, int i, OptionTable table, ImmutableArray<ShellOption>.Builder options)
    {
        ShellWord word = words[i];
        string text = word.LiteralPrefix;
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        string name = eq >= 0 ? text[..eq] : text;
        OptionSpec? spec = table.Find(name);
        string canonical = spec?.Canonical ?? name;
        if (eq >= 0)
        {
            options.Add(Attached(canonical, name, spec is not null, word, eq + 1));
            return i + 1;
        }

        if (spec is { TakesValue: true } && !word.IsDynamic)
        {
            return i + 1 + AddSeparate(canonical, name, word, i + 1 < words.Length ? words[i + 1] : null, options);
        }

        options.Add(new ShellOption(canonical, name, spec is not null, word, null, false, null, null, null));
        return i + 1;
    }

    private static int ReadCluster(ImmutableArray<ShellWord> words, int i, OptionTable table, ImmutableArray<ShellOption>.Builder options)
    {
        ShellWord word = words[i];
        string text = word.LiteralPrefix;
        for (int j = 1; j < text.Length; j++)
        {
            string written = "-" + text[j];
            OptionSpec? spec = table.Find(written);
            string canonical = spec?.Canonical ?? written;
            if (spec is not { TakesValue: true })
            {
                options.Add(new ShellOption(canonical, written, spec is not null, word, null, false, null, null, null));
                continue;
            }

            if (j + 1 < text.Length || word.IsDynamic)
            {
                options.Add(Attached(canonical, written, known: true, word, j + 1));
                return i + 1;
            }

            return i + 1 + AddSeparate(canonical, written, word, i + 1 < words.Length ? words[i + 1] : null, options);
        }

        return i + 1;
    }

    private static int AddSeparate(string canonical, string written, ShellWord word, ShellWord? value, ImmutableArray<ShellOption>.Builder options)
    {
        options.Add(new ShellOption(canonical, written, true, word, value, value is not null, value?.Value, value?.RawText, value?.Span));
        return value is null ? 0 : 1;
    }

    /// <summary>An option whose value starts at <paramref name="valueIndex"/> of the word's literal text.</summary>
    private static ShellOption Attached(string canonical, string written, bool known, ShellWord word, int valueIndex)
    {
        string head = word.LiteralPrefix[..valueIndex];
        string? value = word.Value?[valueIndex..];
        bool rawAligned = word.RawText.StartsWith(head, StringComparison.Ordinal);
        string? raw = rawAligned ? word.RawText[valueIndex..] : value;
        TextSpan span = rawAligned && word.Span.Length == word.RawText.Length
            ? TextSpan.FromBounds(word.Span.Start + valueIndex, word.Span.End)
            : word.Span;
        return new ShellOption(canonical, written, known, word, null, true, value, raw, span);
    }
}
