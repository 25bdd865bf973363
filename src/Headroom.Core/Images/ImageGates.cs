using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Knowledge;
using Headroom.Text;

namespace Headroom.Images;

/// <summary>
/// The CI gates of <c>headroom image</c>, from <c>.headroom.yaml</c> (<c>image:</c>) and the command
/// line (which overrides the file). Semantics, all with <c>&gt;=</c>: a max gate fails when the value
/// reaches its threshold (<c>value &gt;= threshold</c>: equal fails); min-efficiency passes when the
/// efficiency reaches its threshold (<c>value &gt;= threshold</c>: equal passes); a forbidden category
/// fails from its first byte (threshold 1 byte); the budget gate fails when the image's bytes reach
/// budget × fraction.
/// </summary>
public sealed class ImageGateSettings
{
    /// <summary>The keys accepted under <c>image:</c> and as <c>--KEY</c> options.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "max-size", "max-layer", "max-reclaimable", "min-efficiency", "forbid", "budget", "max-budget-fraction",
        "top", "platform", "hash", "verify", "max-expansion", "max-decompressed",
    ];

    public long? MaxSize { get; set; }

    public long? MaxLayer { get; set; }

    public long? MaxReclaimableBytes { get; set; }

    public double? MaxReclaimableFraction { get; set; }

    public double? MinEfficiency { get; set; }

    public List<string> Forbid { get; } = [];

    public string? BudgetName { get; set; }

    public long? BudgetBytes { get; set; }

    public double BudgetFraction { get; set; } = 1.0;

    public int Top { get; set; } = 10;

    public string? Platform { get; set; }

    public bool Hash { get; set; }

    public bool Verify { get; set; }

    public ReadLimits Limits { get; set; } = ReadLimits.Default;

    /// <summary>Sets one key from its text; <paramref name="where"/> starts the error message (<c>.headroom.yaml:7</c> or <c>--max-size</c>).</summary>
    public void Set(string key, string value, string where)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        value = value.Trim();
        switch (key)
        {
            case "max-size":
                MaxSize = Size(value, where);
                break;
            case "max-layer":
                MaxLayer = Size(value, where);
                break;
            case "max-reclaimable":
                if (value.EndsWith('%'))
                {
                    MaxReclaimableFraction = Fraction(value[..^1], where, 100) / 100;
                    MaxReclaimableBytes = null;
                }
                else
                {
                    MaxReclaimableBytes = Size(value, where);
                    MaxReclaimableFraction = null;
                }

                break;
            case "min-efficiency":
                MinEfficiency = Fraction(value, where, 1);
                break;
            case "forbid":
                Forbid.Clear();
                foreach (string c in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Categories.All.Contains(c))
                    {
                        throw new InputException($"{where}: unknown category '{c}' (known: {string.Join(", ", Categories.All)})");
                    }

                    if (!Forbid.Contains(c))
                    {
                        Forbid.Add(c);
                    }
                }

                break;
            case "budget":
                if (RunnerBudgets.Find(value) is RunnerBudget named)
                {
                    BudgetName = named.Name;
                    BudgetBytes = named.Bytes;
                }
                else if (ByteSize.TryParse(value, out long bytes))
                {
                    BudgetName = null;
                    BudgetBytes = bytes;
                }
                else
                {
                    throw new InputException($"{where}: '{value}' is neither a size nor a known budget ({string.Join(", ", RunnerBudgets.All.Select(b => b.Name))})");
                }

                break;
            case "max-budget-fraction":
                BudgetFraction = Fraction(value, where, 1);
                break;
            case "top":
                Top = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int top) && top <= 100_000
                    ? top
                    : throw new InputException($"{where}: '{value}' is not a count");
                break;
            case "platform":
                Platform = value.Split('/').Length is 2 or 3 && !value.Contains("//", StringComparison.Ordinal)
                    ? value
                    : throw new InputException($"{where}: '{value}' is not os/arch[/variant]");
                break;
            case "hash":
                Hash = Bool(value, where);
                break;
            case "verify":
                Verify = Bool(value, where);
                break;
            case "max-expansion":
                Limits = Limits with
                {
                    MaxExpansion = double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double r) && r >= 1
                        ? r
                        : throw new InputException($"{where}: '{value}' is not a ratio of at least 1"),
                };
                break;
            case "max-decompressed":
                Limits = Limits with { MaxTotalBytes = Size(value, where), ExpansionFloor = Math.Min(Limits.ExpansionFloor, Size(value, where)) };
                break;
            default:
                throw new InputException($"{where}: unknown key '{key}' (known: {string.Join(", ", Keys)})");
        }
    }

    /// <summary>Evaluates the configured gates, in a fixed order: max-size, max-layer, max-reclaimable,
    /// min-efficiency, budget, then forbid:CATEGORY in the order given.</summary>
    public IReadOnlyList<GateResult> Evaluate(ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gates = new List<GateResult>();
        if (MaxSize is long maxSize)
        {
            gates.Add(Max("max-size", maxSize, report.Totals.Bytes));
        }

        if (MaxLayer is long maxLayer)
        {
            gates.Add(Max("max-layer", maxLayer, report.Layers.Count == 0 ? 0 : report.Layers.Max(l => l.Bytes)));
        }

        if (MaxReclaimableBytes is long maxReclaimable)
        {
            gates.Add(Max("max-reclaimable", maxReclaimable, report.Totals.ReclaimableBytes));
        }
        else if (MaxReclaimableFraction is double fraction)
        {
            double value = report.Totals.Bytes == 0 ? 0 : (double)report.Totals.ReclaimableBytes / report.Totals.Bytes;
            gates.Add(new GateResult("max-reclaimable", fraction, value, value < fraction, "ratio"));
        }

        if (MinEfficiency is double min)
        {
            gates.Add(new GateResult("min-efficiency", min, report.Totals.Efficiency, report.Totals.Efficiency >= min, "ratio"));
        }

        if (BudgetBytes is long budget)
        {
            long threshold = (long)Math.Floor(budget * BudgetFraction);
            gates.Add(Max(BudgetName is null ? "budget" : $"budget:{BudgetName}", threshold, report.Totals.Bytes));
        }

        foreach (string category in Forbid)
        {
            long bytes = report.Categories.FirstOrDefault(c => c.Name == category)?.Bytes ?? 0;
            gates.Add(Max($"forbid:{category}", 1, bytes));
        }

        return gates;
    }

    private static GateResult Max(string name, long threshold, long value) => new(name, threshold, value, value < threshold, "bytes");

    private static long Size(string value, string where) =>
        ByteSize.TryParse(value, out long bytes)
            ? bytes
            : throw new InputException($"{where}: '{value}' is not a size (e.g. 500MB, 2GiB, 1000000)");

    private static double Fraction(string value, string where, double max) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double d) && d >= 0 && d <= max
            ? d
            : throw new InputException($"{where}: '{value}' is not a number from 0 to {max.ToString(CultureInfo.InvariantCulture)}");

    private static bool Bool(string value, string where) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw new InputException($"{where}: '{value}' is not true or false"),
    };
}
