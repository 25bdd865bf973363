using Headroom.Diagnostics;
using Headroom.Text;

namespace Headroom.Shell.Parsing;

/// <summary>
/// A recursive-descent reader for POSIX sh (and the common bash subset). Every token is lexed once; nested
/// constructs (<c>$(...)</c>, compound commands, <c>sh -c</c> strings) recurse up to a fixed depth, past which they
/// are skipped with a diagnostic. Bad input gives diagnostics, never exceptions.
/// </summary>
internal sealed partial class ShellParser
{
    private const int MaxDepth = 40;

    private readonly string _text;
    private readonly OffsetMap? _map;
    private readonly List<SimpleCommand> _commands;
    private readonly List<ShellDiagnostic> _diagnostics;
    private List<PendingHeredoc> _pendingHeredocs = [];
    private readonly int _nestingLevel;
    private readonly ShellWord? _origin;
    private int _pos;
    private int _end;
    private int _depth;
    private bool _depthReported;
    private ShellToken? _peeked;
    private long _consumed;
    private ShellCommandContext _context;
    private bool _conditional;
    private bool _pendingNegated;
    private ShellOperator _pendingOperator;
    private SimpleCommand? _lastCommand;
    private ShellEnvironment _environment;
    private bool _allExport;

    private ShellParser(
        string text,
        OffsetMap? map,
        List<SimpleCommand> commands,
        List<ShellDiagnostic> diagnostics,
        int depth,
        int nestingLevel,
        ShellWord? origin,
        ShellCommandContext context,
        bool conditional,
        ShellEnvironment environment)
    {
        _text = text;
        _map = map;
        _commands = commands;
        _diagnostics = diagnostics;
        _depth = depth;
        _nestingLevel = nestingLevel;
        _origin = origin;
        _context = context;
        _conditional = conditional;
        _environment = environment;
        _end = text.Length;
    }

    public static ShellScript Parse(string text, ShellEnvironment environment)
    {
        var commands = new List<SimpleCommand>();
        var diagnostics = new List<ShellDiagnostic>();
        var parser = new ShellParser(text, null, commands, diagnostics, 0, 0, null, ShellCommandContext.None, false, environment);
        parser.ParseScript();
        return new ShellScript(text, [.. commands], [.. diagnostics]);
    }

    private void ParseScript()
    {
        ParseList(NoStops);
        Next(); // the end token: reports heredocs left open
    }

    /// <summary>Maps a span of the text being read to the caller's string (they differ inside <c>sh -c</c> strings).</summary>
    private TextSpan MapSpan(int start, int end)
    {
        int s = TopStart(start);
        int e = end > start ? TopEnd(end - 1) : s;
        return TextSpan.FromBounds(s, Math.Max(s, e));
    }

    /// <summary>Where the character at <paramref name="offset"/> starts in the caller's string (offset == length allowed).</summary>
    private int TopStart(int offset) => _map is null ? offset : _map.Starts[offset];

    /// <summary>Where the character at <paramref name="offset"/> ends in the caller's string.</summary>
    private int TopEnd(int offset) => _map is null ? offset + 1 : _map.Ends[offset];

    private void Report(DiagnosticSeverity severity, string code, string message, int start, int end) =>
        _diagnostics.Add(new ShellDiagnostic(severity, code, message, MapSpan(start, Math.Max(start, end))));

    private ShellToken Peek() => _peeked ??= Lex();

    private ShellToken Next()
    {
        ShellToken token = Peek();
        _peeked = null;
        _consumed++;
        return token;
    }

    /// <summary>Enters one more level of nesting, or reports (once) that the input nests too deeply.</summary>
    private bool TryEnterDepth(int position)
    {
        if (_depth >= MaxDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                Report(DiagnosticSeverity.Error, "nesting-too-deep", $"constructs nested more than {MaxDepth} deep are not analysed", position, Math.Min(position + 1, _end));
            }

            return false;
        }

        _depth++;
        return true;
    }

    private (ShellCommandContext Context, bool Conditional) Enter(ShellCommandContext context, bool conditional)
    {
        var saved = (_context, _conditional);
        _context |= context;
        _conditional |= conditional;
        return saved;
    }

    private void Leave((ShellCommandContext Context, bool Conditional) saved) => (_context, _conditional) = saved;

    private static string Describe(ShellToken token) => token.Kind switch
    {
        ShellTokenKind.End => "end of input",
        ShellTokenKind.Newline => "newline",
        ShellTokenKind.Word => token.Word!.RawText,
        _ => token.Text,
    };
}
