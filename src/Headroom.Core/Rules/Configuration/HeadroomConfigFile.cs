using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Rules.Configuration;

/// <summary>
/// Reads <c>.headroom.yaml</c> (bounded YAML reader: alias bombs and deep nesting are errors).
/// Every key must be known; an unknown or misspelt key, an unknown rule ID or slug, or a value of the
/// wrong shape is an <see cref="InputException"/> naming the file and line. The <c>image:</c> section
/// is read by <see cref="Images.ImageConfigFile"/>.
/// </summary>
/// <example>
/// <code>
/// fail-on: warning
/// budget: github-ubuntu-latest
/// ignore: [DF007]
/// severity: { DF004: error, DF010: off }
/// exclude: ["vendor/**"]
/// overrides:
///   - paths: ["legacy/**"]
///     ignore: [DF005]
///     severity: { DF004: info }
/// </code>
/// </example>
public static class HeadroomConfigFile
{
    public const string FileName = ".headroom.yaml";

    public static readonly IReadOnlyList<string> TopLevelKeys = ["ignore", "severity", "overrides", "exclude", "budget", "fail-on", "image"];

    private static readonly IReadOnlyList<string> OverrideKeys = ["paths", "ignore", "severity"];

    /// <summary>The nearest <c>.headroom.yaml</c> in <paramref name="startDirectory"/> or a parent, or null.</summary>
    public static string? FindNearest(string startDirectory)
    {
        for (DirectoryInfo? d = new(startDirectory); d is not null; d = d.Parent)
        {
            string candidate = System.IO.Path.Combine(d.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <param name="text">The file's text.</param>
    /// <param name="displayName">The path to name in messages.</param>
    /// <param name="resolveRule">Maps an ID or slug to the rule's ID, or null when no rule has it.</param>
    public static HeadroomConfig Parse(string text, string displayName, Func<string, string?> resolveRule)
    {
        ArgumentNullException.ThrowIfNull(resolveRule);
        YamlDocument document = YamlReader.Read(new SourceText(text, displayName));
        if (document.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InputException($"{displayName}:{error.Start.Line}: {error.Message}");
        }

        if (document.Root is null || document.Root is YamlScalar { IsNull: true })
        {
            return HeadroomConfig.Empty with { Path = displayName };
        }

        var reader = new Reader(displayName, resolveRule);
        YamlMapping root = reader.Mapping(document.Root, "the top level");
        reader.CheckKeys(root, TopLevelKeys, string.Empty);
        return new HeadroomConfig
        {
            Path = displayName,
            Ignore = root["ignore"] is { } ignore ? reader.RuleSet(ignore, "ignore") : HeadroomConfig.Empty.Ignore,
            Severity = root["severity"] is { } severity ? reader.SeverityMap(severity, "severity") : HeadroomConfig.Empty.Severity,
            Exclude = root["exclude"] is { } exclude ? reader.Strings(exclude, "exclude") : [],
            Overrides = root["overrides"] is YamlNode overrides ? reader.Overrides(overrides) : [],
            Budget = root["budget"] is { } budget ? reader.Scalar(budget, "budget") : null,
            FailOn = root["fail-on"] is { } failOn ? reader.FailOn(failOn) : null,
        };
    }

    private sealed class Reader(string file, Func<string, string?> resolveRule)
    {
        public InputException Error(YamlNode node, string message) => new($"{file}:{node.Start.Line}: {message}");

        public YamlMapping Mapping(YamlNode node, string what) =>
            node as YamlMapping ?? throw Error(node, $"{what} must be a mapping of keys");

        public void CheckKeys(YamlMapping mapping, IReadOnlyList<string> known, string prefix)
        {
            foreach (YamlMappingEntry entry in mapping.Entries)
            {
                string key = entry.KeyText ?? string.Empty;
                if (!known.Contains(key, StringComparer.Ordinal))
                {
                    throw Error(entry.Key, $"unknown key '{prefix}{key}' (known: {string.Join(", ", known)})");
                }
            }
        }

        public string Scalar(YamlNode node, string key) =>
            node is YamlScalar { IsNull: false } s ? s.Value : throw Error(node, $"'{key}' must be a single value");

        public IReadOnlyList<string> Strings(YamlNode node, string key) => node switch
        {
            YamlScalar { IsNull: true } => [],
            YamlScalar s => [.. s.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            YamlSequence seq => [.. seq.Items.Select(item => Scalar(item, key))],
            _ => throw Error(node, $"'{key}' must be a list"),
        };

        public HashSet<string> RuleSet(YamlNode node, string key)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            IEnumerable<YamlNode> items = node is YamlSequence seq ? seq.Items : [node];
            foreach (YamlNode item in items)
            {
                foreach (string name in Strings(item, key))
                {
                    set.Add(Rule(item, name));
                }
            }

            return set;
        }

        public Dictionary<string, DiagnosticSeverity?> SeverityMap(YamlNode node, string key)
        {
            var map = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
            foreach (YamlMappingEntry entry in Mapping(node, $"'{key}'").Entries)
            {
                string id = Rule(entry.Key, entry.KeyText ?? string.Empty);
                string value = Scalar(entry.Value, $"{key}.{entry.KeyText}");
                map[id] = value.Trim().ToLowerInvariant() switch
                {
                    "error" => DiagnosticSeverity.Error,
                    "warning" => DiagnosticSeverity.Warning,
                    "info" => DiagnosticSeverity.Info,
                    "off" or "false" => null,
                    _ => throw Error(entry.Value, $"'{key}.{entry.KeyText}': '{value}' is not a severity (error, warning, info, off)"),
                };
            }

            return map;
        }

        public List<PathOverride> Overrides(YamlNode node)
        {
            if (node is not YamlSequence seq)
            {
                throw Error(node, "'overrides' must be a list of { paths, ignore, severity }");
            }

            var result = new List<PathOverride>();
            foreach (YamlNode item in seq.Items)
            {
                YamlMapping entry = Mapping(item, "each entry of 'overrides'");
                CheckKeys(entry, OverrideKeys, "overrides.");
                IReadOnlyList<string> paths = entry["paths"] is { } p ? Strings(p, "overrides.paths") : throw Error(item, "an entry of 'overrides' needs 'paths'");
                result.Add(new PathOverride(
                    paths,
                    entry["ignore"] is { } ignore ? RuleSet(ignore, "overrides.ignore") : new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                    entry["severity"] is { } severity ? SeverityMap(severity, "overrides.severity") : new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase)));
            }

            return result;
        }

        public FailureThreshold FailOn(YamlNode node)
        {
            string value = Scalar(node, "fail-on");
            return FailureThresholds.Parse(value)
                ?? throw Error(node, $"'fail-on': '{value}' is not one of {string.Join(", ", FailureThresholds.Names)}");
        }

        private string Rule(YamlNode node, string name) =>
            resolveRule(name) ?? throw Error(node, $"unknown rule '{name}' (see 'headroom rules')");
    }
}
