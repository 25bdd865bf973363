using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Headroom.Dockerfiles.Build;

/// <summary>
/// One <c>RUN --mount=...</c> value: CSV fields of <c>key=value</c> (keys case-insensitive) or bare flags
/// such as <c>ro</c>. Values are as written, not expanded (BuildKit expands them when the RUN runs).
/// </summary>
public sealed class RunMount
{
    private RunMount(ImmutableArray<KeyValuePair<string, string?>> fields)
    {
        Fields = fields;
    }

    /// <summary>Every field in order: the key in lower case, the value or null for a bare flag.</summary>
    public ImmutableArray<KeyValuePair<string, string?>> Fields { get; }

    /// <summary>bind (the default), cache, tmpfs, secret or ssh, in lower case.</summary>
    public string Type => (Get("type") ?? "bind").ToLowerInvariant();

    /// <summary>The stage or image named by from=, or null.</summary>
    public string? From => NullIfEmpty(Get("from"));

    public string? Source => NullIfEmpty(Get("source") ?? Get("src"));

    public string? Target => NullIfEmpty(Get("target") ?? Get("dst") ?? Get("destination"));

    public string? Id => NullIfEmpty(Get("id"));

    /// <summary>The last value given for a key (or one of its aliases, asked separately), or null.</summary>
    public string? Get(string key)
    {
        for (int i = Fields.Length - 1; i >= 0; i--)
        {
            if (Fields[i].Key == key)
            {
                return Fields[i].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Splits a mount value into fields (Go's CSV rules: a field in double quotes may hold commas, "" is a
    /// quote). Fails on an unterminated quote, an empty key, or a from= holding a variable.
    /// </summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out RunMount? mount, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        mount = null;
        if (!TrySplitCsv(value, out List<string>? fields, out error))
        {
            return false;
        }

        ImmutableArray<KeyValuePair<string, string?>>.Builder pairs =
            ImmutableArray.CreateBuilder<KeyValuePair<string, string?>>(fields.Count);
        foreach (string field in fields)
        {
            int equals = field.IndexOf('=', StringComparison.Ordinal);
            string key = (equals < 0 ? field : field[..equals]).ToLowerInvariant();
            string? fieldValue = equals < 0 ? null : field[(equals + 1)..];
            if (key == "from" && fieldValue is not null)
            {
                int dollar = fieldValue.IndexOf('$', StringComparison.Ordinal);
                if (dollar >= 0 && dollar != fieldValue.Length - 1)
                {
                    error = "'from' doesn't support variable expansion, define alias stage instead";
                    return false;
                }
            }

            pairs.Add(new KeyValuePair<string, string?>(key, fieldValue));
        }

        mount = new RunMount(pairs.MoveToImmutable());
        return true;
    }

    public override string ToString() =>
        string.Join(',', Fields.Select(field => field.Value is null ? field.Key : $"{field.Key}={field.Value}"));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TrySplitCsv(string text, [NotNullWhen(true)] out List<string>? fields, [NotNullWhen(false)] out string? error)
    {
        fields = [];
        error = null;
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        fields = null;
                        error = "failed to parse csv mounts: extraneous or missing \" in quoted-field";
                        return false;
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }

            while (i < text.Length && text[i] != ',')
            {
                field.Append(text[i++]);
            }

            fields.Add(field.ToString());
            if (i >= text.Length)
            {
                return true;
            }

            i++;
        }
    }
}
