using Headroom.Text;

namespace Headroom.Python;

/// <summary>A requirement line of a requirements file (or a <c>-e</c> option), with its position in its file.</summary>
public sealed class RequirementLine
{
    private readonly LogicalLine _line;

    internal RequirementLine(
        SourceText source,
        LogicalLine line,
        string text,
        TextSpan span,
        RequirementLocationKind kind,
        Requirement? requirement,
        string? name,
        string? location,
        bool isEditable,
        IReadOnlyList<RequirementsOption> options)
    {
        Source = source;
        _line = line;
        Text = text;
        Span = span;
        LocationKind = kind;
        Requirement = requirement;
        Name = name;
        Location = location;
        IsEditable = isEditable;
        Options = options;
        Start = source.GetPosition(span.Start);
    }

    public SourceText Source { get; }

    /// <summary>The file, as the caller named it.</summary>
    public string? Path => Source.Path;

    /// <summary>The requirement text after pip's preprocessing (continuations joined, <c>${VAR}</c> expanded).</summary>
    public string Text { get; }

    /// <summary>The requirement in the file (options after it excluded).</summary>
    public TextSpan Span { get; }

    /// <summary>1-based line and column of the requirement in its file.</summary>
    public LinePosition Start { get; }

    public int Line => Start.Line;

    public int Column => Start.Column;

    public RequirementLocationKind LocationKind { get; }

    /// <summary>The PEP 508 requirement, for <see cref="RequirementLocationKind.Name"/> lines; its spans are in <see cref="Text"/> (see <see cref="MapToFile"/>).</summary>
    public Requirement? Requirement { get; }

    /// <summary>The project name when known (from the requirement, or a URL's <c>#egg=</c>), as written.</summary>
    public string? Name { get; }

    /// <summary>The URL or path of a non-PEP 508 line, or the URL of <c>name @ url</c>.</summary>
    public string? Location { get; }

    public bool IsEditable { get; }

    /// <summary>Per-requirement options: <c>--hash</c>, <c>--config-settings</c>, <c>--global-option</c>.</summary>
    public IReadOnlyList<RequirementsOption> Options { get; }

    /// <summary>The <c>--hash</c> values (<c>sha256:...</c>).</summary>
    public IReadOnlyList<string> Hashes => [.. Options.Where(o => o.Name == "--hash").Select(o => o.Value!)];

    /// <summary>The file span of the pinned version (<c>2.3.1</c> of <c>torch==2.3.1</c>), or null when there is no pin.</summary>
    public TextSpan? PinVersionSpan => Requirement?.Pin is { } pin ? MapToFile(pin.VersionSpan) : null;

    /// <summary>Maps a span of <see cref="Text"/> (such as a <see cref="Requirement"/> part) to a span of the file.</summary>
    public TextSpan MapToFile(TextSpan span) => _line.Map(new TextSpan(span.Start + TextOffset, span.Length));

    /// <summary>Where <see cref="Text"/> starts in the logical line.</summary>
    internal int TextOffset { get; init; }

    public override string ToString() => $"{Path ?? "<input>"}:{Line}: {Text}";
}
