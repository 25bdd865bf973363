using System.Text;
using Headroom.Diagnostics;

namespace Headroom.Python.Index;

/// <summary>
/// Parses a distribution's core metadata (<c>METADATA</c>, PEP 566/643; RFC 822-style headers): header
/// names are case-insensitive, a line starting with whitespace continues the previous header, the headers
/// end at the first empty line (the description body follows). <c>Requires-Dist</c> accepts the old
/// <c>name (==1.0) ; marker</c> style too. A bad <c>Name</c>, <c>Version</c>, <c>Requires-Python</c> or
/// <c>Requires-Dist</c> is an <see cref="InputException"/> naming the source and the line.
/// </summary>
public static class CoreMetadataParser
{
    /// <param name="where">The source for messages: <c>metadata https://…/torch-2.6.0-….whl.metadata</c>.</param>
    public static CoreMetadata Parse(byte[] content, string where)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(content);
        }

        return Parse(text, where);
    }

    public static CoreMetadata Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = new List<(string Name, string Value, int Line)>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t')
            {
                if (headers.Count > 0)
                {
                    var last = headers[^1];
                    headers[^1] = (last.Name, last.Value + "\n" + line.Trim(), last.Line);
                }

                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InputException($"{where}: line {i + 1}: not a 'Name: value' header");
            }

            headers.Add((line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim(), i + 1));
        }

        string name = One(headers, "name", where) ?? throw new InputException($"{where}: no Name header");
        string versionText = One(headers, "version", where) ?? throw new InputException($"{where}: no Version header");
        if (!PythonVersion.TryParse(versionText, out PythonVersion? version))
        {
            throw new InputException($"{where}: Version '{versionText}' is not a PEP 440 version");
        }

        SpecifierSet requiresPython = SpecifierSet.Empty;
        var rp = headers.FirstOrDefault(h => h.Name == "requires-python");
        if (rp.Name is not null && rp.Value.Length > 0)
        {
            requiresPython = SpecifierSet.TryParse(rp.Value, out SpecifierSet? set, out string? error)
                ? set
                : throw new InputException($"{where}: line {rp.Line}: Requires-Python '{rp.Value}': {error}");
        }

        var requires = new List<Requirement>();
        foreach (var (_, value, line) in headers.Where(h => h.Name == "requires-dist"))
        {
            string flat = value.Replace('\n', ' ');
            requires.Add(Requirement.TryParse(flat, out Requirement? requirement, out string? error)
                ? requirement
                : throw new InputException($"{where}: line {line}: Requires-Dist '{flat}': {error}"));
        }

        List<string> extras = [.. headers.Where(h => h.Name == "provides-extra" && h.Value.Length > 0).Select(h => h.Value).Distinct(StringComparer.Ordinal)];
        return new CoreMetadata(name, version, requires, requiresPython, extras);
    }

    private static string? One(List<(string Name, string Value, int Line)> headers, string name, string where)
    {
        var found = headers.FirstOrDefault(h => h.Name == name);
        return found.Name is null ? null : found.Value.Length == 0 ? throw new InputException($"{where}: line {found.Line}: empty {name} header") : found.Value;
    }
}
