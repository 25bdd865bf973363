using System.Text.RegularExpressions;
using Headroom.Diagnostics;
using Headroom.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Headroom.Yaml;

/// <summary>
/// Reads YAML into positioned <see cref="YamlNode"/>s with YamlDotNet's event parser. Never throws
/// for bad input: syntax errors and exceeded <see cref="YamlReaderLimits"/> become diagnostics.
/// The tree is built with an explicit stack, so nesting depth cannot overflow the call stack.
/// </summary>
public static partial class YamlReader
{
    public static YamlDocument Read(string text, string? path = null, YamlReaderLimits? limits = null) =>
        Read(new SourceText(text, path), limits);

    public static YamlDocument Read(SourceText source, YamlReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        limits ??= YamlReaderLimits.Default;
        var builder = new Builder(source, limits);
        if (source.Length > limits.MaxDocumentLength)
        {
            builder.Report(
                YamlDiagnosticCodes.TooLarge,
                $"YAML text is {source.Length} characters, more than the limit of {limits.MaxDocumentLength}",
                limits.MaxDocumentLength);
            return builder.Finish();
        }

        try
        {
            var parser = new Parser(new StringReader(source.Text));
            while (parser.MoveNext())
            {
                if (!builder.Accept(parser.Current!))
                {
                    break;
                }
            }
        }
        catch (YamlException ex)
        {
            builder.Report(YamlDiagnosticCodes.Syntax, CleanMessage(ex), (int)ex.Start.Index);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this for some truncated flow collections; report where reading stopped.
            builder.Report(YamlDiagnosticCodes.Syntax, "malformed YAML: unterminated flow collection or scalar", builder.LastOffset);
        }

        return builder.Finish();
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic has its own position.</summary>
    private static string CleanMessage(YamlException ex)
    {
        string message = MarkPrefix().Replace(ex.Message, string.Empty).Trim();
        return message.Length == 0 ? "malformed YAML" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    private sealed class Frame
    {
        public required bool IsMapping { get; init; }

        public required bool IsFlow { get; init; }

        public required int Start { get; init; }

        public string? Anchor { get; init; }

        public string? Tag { get; init; }

        public List<YamlNode> Children { get; } = [];

        public long ExpandedSize { get; set; } = 1;
    }

    private sealed class Builder(SourceText source, YamlReaderLimits limits)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly List<YamlNode?> _roots = [];
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, (YamlNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
        private readonly Dictionary<YamlNode, long> _sizes = new(ReferenceEqualityComparer.Instance);
        private bool _inDocument;
        private YamlNode? _documentRoot;
        private long _expanded;
        private int _aliases;

        public void Report(string code, string message, int offset, DiagnosticSeverity severity = DiagnosticSeverity.Error)
        {
            offset = Math.Clamp(offset, 0, source.Length);
            _diagnostics.Add(Diagnostic.Create(severity, code, message, source, new TextSpan(offset, 0)));
        }

        public YamlDocument Finish()
        {
            if (_inDocument)
            {
                _roots.Add(_stack.Count == 0 ? _documentRoot : null);
            }

            return new YamlDocument(source, _roots, _diagnostics);
        }

        /// <summary>Takes one event; false stops reading (a limit was hit).</summary>
        public int LastOffset { get; private set; }

        public bool Accept(ParsingEvent e)
        {
            LastOffset = Offset(e.End);
            switch (e)
            {
                case DocumentStart:
                    _inDocument = true;
                    _documentRoot = null;
                    _stack.Clear();
                    return true;
                case DocumentEnd:
                    _roots.Add(_documentRoot);
                    _inDocument = false;
                    return true;
                case MappingStart ms:
                    return Open(true, ms.Style == MappingStyle.Flow, ms);
                case SequenceStart ss:
                    return Open(false, ss.Style == SequenceStyle.Flow, ss);
                case MappingEnd or SequenceEnd:
                    return Close(e);
                case Scalar s:
                    return Add(CreateScalar(s), 1);
                case AnchorAlias alias:
                    return AddAlias(alias);
                default:
                    return true;
            }
        }

        private bool Open(bool isMapping, bool isFlow, NodeEvent e)
        {
            int start = Offset(e.Start);
            if (_stack.Count + 1 > limits.MaxDepth)
            {
                Report(YamlDiagnosticCodes.TooDeep, $"YAML nesting is deeper than the limit of {limits.MaxDepth}", start);
                return false;
            }

            _stack.Push(new Frame
            {
                IsMapping = isMapping,
                IsFlow = isFlow,
                Start = start,
                Anchor = e.Anchor.IsEmpty ? null : e.Anchor.Value,
                Tag = e.Tag.IsEmpty ? null : e.Tag.Value,
            });
            return Count(1, start);
        }

        private bool Close(ParsingEvent e)
        {
            Frame frame = _stack.Pop();
            int end;
            if (frame.IsFlow)
            {
                // The end event's marks sit on the closing bracket; the span includes it.
                int close = Offset(e.Start);
                end = close < source.Length && source[close] is ']' or '}' ? close + 1 : Offset(e.End);
            }
            else
            {
                end = frame.Children.Count == 0 ? frame.Start : frame.Children.Max(c => c.Span.End);
            }

            var span = TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end));
            LinePosition position = source.GetPosition(frame.Start);
            YamlNode node;
            if (frame.IsMapping)
            {
                var entries = new List<YamlMappingEntry>(frame.Children.Count / 2);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i + 1 < frame.Children.Count; i += 2)
                {
                    YamlNode key = frame.Children[i];
                    if (key is YamlScalar k && !seen.Add(k.Value))
                    {
                        Report(YamlDiagnosticCodes.DuplicateKey, $"key \"{k.Value}\" is already defined in this mapping", k.Span.Start, DiagnosticSeverity.Warning);
                    }

                    entries.Add(new YamlMappingEntry(key, frame.Children[i + 1]));
                }

                node = new YamlMapping(entries, frame.IsFlow, span, position, frame.Anchor, frame.Tag);
            }
            else
            {
                node = new YamlSequence(frame.Children, frame.IsFlow, span, position, frame.Anchor, frame.Tag);
            }

            return Attach(node, frame.ExpandedSize);
        }

        private YamlScalar CreateScalar(Scalar s)
        {
            int start = Offset(s.Start);
            int end = Math.Max(start, Offset(s.End));
            YamlScalarStyle style = s.Style switch
            {
                ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
                ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
                ScalarStyle.Literal => YamlScalarStyle.Literal,
                ScalarStyle.Folded => YamlScalarStyle.Folded,
                _ => YamlScalarStyle.Plain,
            };
            return new YamlScalar(
                s.Value,
                style,
                TextSpan.FromBounds(start, end),
                source.GetPosition(start),
                s.Anchor.IsEmpty ? null : s.Anchor.Value,
                s.Tag.IsEmpty ? null : s.Tag.Value);
        }

        private bool Add(YamlNode node, long size)
        {
            if (!Count(size, node.Span.Start))
            {
                return false;
            }

            return Attach(node, size);
        }

        private bool AddAlias(AnchorAlias alias)
        {
            int start = Offset(alias.Start);
            if (++_aliases > limits.MaxAliases)
            {
                Report(YamlDiagnosticCodes.TooManyAliases, $"more than {limits.MaxAliases} aliases", start);
                return false;
            }

            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Report(YamlDiagnosticCodes.UnknownAlias, $"alias *{alias.Value.Value} refers to no earlier anchor", start);
                var placeholder = new YamlScalar(string.Empty, YamlScalarStyle.Plain, TextSpan.FromBounds(start, Math.Max(start, Offset(alias.End))), source.GetPosition(start), null, null);
                return Add(placeholder, 1);
            }

            if (!Count(target.Size, start))
            {
                return false;
            }

            if (_stack.Count == 0)
            {
                _documentRoot = target.Node;
                return true;
            }

            _stack.Peek().Children.Add(target.Node);
            _stack.Peek().ExpandedSize += target.Size;
            return true;
        }

        /// <summary>Counts expanded nodes against the limit.</summary>
        private bool Count(long size, int offset)
        {
            _expanded += size;
            if (_expanded > limits.MaxExpandedNodes)
            {
                Report(
                    YamlDiagnosticCodes.ExpansionTooLarge,
                    $"YAML expands to more than {limits.MaxExpandedNodes} nodes (aliases counted as copies)",
                    offset);
                return false;
            }

            return true;
        }

        private bool Attach(YamlNode node, long size)
        {
            if (node.Anchor is { } anchor)
            {
                _anchors[anchor] = (node, size);
            }

            if (_stack.Count == 0)
            {
                _documentRoot = node;
            }
            else
            {
                Frame parent = _stack.Peek();
                parent.Children.Add(node);
                parent.ExpandedSize += size;
            }

            return true;
        }

        private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, source.Length);
    }
}
