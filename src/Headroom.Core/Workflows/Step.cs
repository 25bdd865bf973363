using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Workflows;

/// <summary>One entry of a job's (or a composite action's) <c>steps:</c>.</summary>
public sealed class Step
{
    internal Step(int index, YamlMapping node, ActionReference? uses, RunScript? run)
    {
        Index = index;
        Node = node;
        Uses = uses;
        Run = run;
    }

    /// <summary>0-based position in the job's steps.</summary>
    public int Index { get; }

    public YamlMapping Node { get; }

    public LinePosition Start => Node.Start;

    public TextSpan Span => Node.Span;

    public string? Id => Node.GetString("id");

    public string? Name => Node.GetString("name");

    public YamlScalar? If => Node.GetScalar("if");

    public ActionReference? Uses { get; }

    /// <summary><c>with:</c> inputs, or null.</summary>
    public YamlMapping? With => Node.GetMapping("with");

    public YamlMapping? Env => Node.GetMapping("env");

    public RunScript? Run { get; }

    public YamlNode? ContinueOnError => Node["continue-on-error"];

    /// <summary>An input's text from <c>with:</c> (null when absent or not a scalar).</summary>
    public string? GetInput(string name) => With?.GetString(name);

    /// <summary>What the Actions UI would call the step: its name, the action, or "Run" and the script's first line.</summary>
    public string DisplayName =>
        Name ?? Uses?.Raw ?? (Run is { } r ? "Run " + r.Text.Split('\n')[0].Trim() : $"step {Index + 1}");

    public override string ToString() => DisplayName;
}
