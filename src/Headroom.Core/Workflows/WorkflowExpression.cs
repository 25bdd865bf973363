using System.Text.RegularExpressions;

namespace Headroom.Workflows;

/// <summary>Small helpers for "${{ ... }}" expressions; this is not an expression evaluator.</summary>
public static partial class WorkflowExpression
{
    public static bool Contains(string? text) => text is not null && text.Contains("${{", StringComparison.Ordinal);

    /// <summary>
    /// Replaces each "${{ matrix.NAME }}" with the combination's value. Returns null when an expression
    /// remains (another context, a function, or a matrix value that is itself unknown).
    /// </summary>
    public static string? SubstituteMatrix(string text, MatrixCombination? combination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Contains(text))
        {
            return text;
        }

        bool unknown = false;
        string result = MatrixReference().Replace(text, m =>
        {
            if (combination is not null && combination.TryGet(m.Groups[1].Value, out MatrixValue? value) && value.Text is { } t && !value.IsExpression)
            {
                return t;
            }

            unknown = true;
            return m.Value;
        });
        return unknown || Contains(result) ? null : result;
    }

    [GeneratedRegex(@"\$\{\{\s*matrix\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")]
    private static partial Regex MatrixReference();
}
