using Headroom.Diagnostics;
using Headroom.Knowledge;
using Headroom.Text;

namespace Headroom.Prediction;

/// <summary>The budget a prediction is held against: <c>--budget</c> or the configuration's, else <c>github-ubuntu-latest</c>.</summary>
public static class Budgets
{
    /// <summary>The budget used when none is given: the runner of the story (14 GB, <see cref="RunnerBudgets"/>).</summary>
    public const string DefaultName = "github-ubuntu-latest";

    /// <summary>A runner name or a size (<c>14GB</c>) as (name, bytes).</summary>
    /// <exception cref="InputException">Neither a size nor a known runner.</exception>
    public static (string Name, long Bytes) Resolve(string? value)
    {
        string given = string.IsNullOrWhiteSpace(value) ? DefaultName : value.Trim();
        if (RunnerBudgets.Find(given) is { } named)
        {
            return (named.Name, named.Bytes);
        }

        if (ByteSize.TryParse(given, out long bytes) && bytes > 0)
        {
            return (given, bytes);
        }

        throw new InputException($"--budget: '{given}' is neither a size nor a known budget ({string.Join(", ", RunnerBudgets.All.Select(b => b.Name))})");
    }

    /// <summary>The budget with the fraction that <paramref name="usedBytes"/> takes of it.</summary>
    public static PredictionBudget For(string? value, long usedBytes)
    {
        (string name, long bytes) = Resolve(value);
        return new PredictionBudget(name, bytes, Math.Round((double)usedBytes / bytes, 4));
    }
}
