using System.Text.RegularExpressions;
using Headroom.Workflows;

namespace Headroom.Rules.Models;

/// <summary>
/// The Pythons that CI sets up: each <c>actions/setup-python</c> step's <c>python-version</c> (one per line of a
/// multi-line value, one per matrix combination for <c>${{ matrix.x }}</c>), as major.minor. Shared by DF011 and PY001.
/// </summary>
public static partial class CiPythons
{
    /// <summary>Every Python version set up by every workflow of the project, in file order.</summary>
    public static IEnumerable<CiPython> All(CheckContext context)
    {
        foreach (WorkflowStep step in WorkflowFiles.StepsUsing(context, "actions/setup-python"))
        {
            if (step.Input("python-version") is not { } input)
            {
                continue;
            }
            Match matrixKey = MatrixReference().Match(input.Value.Trim());
            if (matrixKey.Success)
            {
                if (step.Job.Matrix is not { } matrix)
                {
                    continue;
                }
                foreach (MatrixCombination combination in matrix.Combinations)
                {
                    if (combination[matrixKey.Groups[1].Value] is { IsExpression: false, Text: { } text } value && Version(text) is { } version)
                    {
                        yield return new CiPython(version, step, value.Node.Start.Line, value.Node.Start.Column, combination);
                    }
                }
                continue;
            }
            foreach (string line in input.Value.Split('\n'))
            {
                if (Version(line) is { } version)
                {
                    yield return new CiPython(version, step, input.Start.Line, input.Start.Column, null);
                }
            }
        }
    }

    /// <summary>The major.minor of a setup-python <c>python-version</c> entry ("3.13", "3.12.1", "3.13-dev"); null for "3.x", PyPy, ranges.</summary>
    public static string? Version(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match m = CiVersionPattern().Match(text.Trim());
        return m.Success ? $"{m.Groups[1].Value}.{m.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"^(?:cpython-?)?(\d+)\.(\d+)(?:\.\d+)?(?:-dev|t|rc\d+|[ab]\d+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CiVersionPattern();

    [GeneratedRegex(@"^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex MatrixReference();
}

/// <summary>One Python that a setup-python step sets up, with the place its version is written.</summary>
/// <param name="Version">major.minor, such as <c>3.13</c>.</param>
/// <param name="Step">The setup-python step.</param>
/// <param name="Line">The line of the version (the matrix value's for a matrix entry).</param>
/// <param name="Column">Its column.</param>
/// <param name="Combination">The matrix combination, or null when the version is written in the step.</param>
public sealed record CiPython(string Version, WorkflowStep Step, int Line, int Column, MatrixCombination? Combination)
{
    public string Path => Step.Path;

    public Job JobNode => Step.Job;

    /// <summary>The job's ID.</summary>
    public string Job => JobNode.Id;
}
