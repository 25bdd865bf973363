using Headroom.Text;

namespace Headroom.Shell;

/// <summary>A redirection such as <c>2&gt;&amp;1</c>, <c>&gt; /dev/null</c> or <c>&lt;&lt;EOF</c>.</summary>
public sealed class ShellRedirection
{
    internal ShellRedirection(RedirectionOperator op, string operatorText, int? fileDescriptor, ShellWord? target, TextSpan span)
    {
        Operator = op;
        OperatorText = operatorText;
        FileDescriptor = fileDescriptor;
        Target = target;
        Span = span;
    }

    public RedirectionOperator Operator { get; }

    public string OperatorText { get; }

    /// <summary>The number written before the operator (<c>2</c> in <c>2&gt;&amp;1</c>), or null.</summary>
    public int? FileDescriptor { get; }

    /// <summary>The file, descriptor or heredoc delimiter word; null when missing (a diagnostic says so).</summary>
    public ShellWord? Target { get; }

    /// <summary>From the descriptor number (or operator) to the end of the target.</summary>
    public TextSpan Span { get; }

    /// <summary>For <c>&lt;&lt;</c> and <c>&lt;&lt;-</c>: the here-document read after the line.</summary>
    public ShellHeredoc? Heredoc { get; internal set; }

    public override string ToString() => $"{FileDescriptor}{OperatorText}{Target}";
}
