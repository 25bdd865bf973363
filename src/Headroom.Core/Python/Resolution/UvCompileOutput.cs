using Headroom.Diagnostics;

namespace Headroom.Python.Resolution;

/// <summary>
/// Reads what <c>uv pip compile</c> writes: a requirements file of exact pins (<c>name==version</c>, or
/// <c>name @ url</c>), each followed by indented <c># via</c> annotations (one parent on the same line,
/// or several on the following <c>#   name</c> lines) and, with <c>--emit-index-annotation</c>,
/// <c># from URL</c>. Header comments and option lines (<c>--index-url</c>) are skipped.
/// </summary>
public static class UvCompileOutput
{
    /// <exception cref="InputException">A line is neither a comment, an option nor a pin.</exception>
    public static IReadOnlyList<UvPin> Parse(string text, string source = "uv pip compile output")
    {
        ArgumentNullException.ThrowIfNull(text);
        var pins = new List<UvPin>();
        PinBuilder? current = null;
        bool inViaList = false;
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            bool indented = char.IsWhiteSpace(line[0]);
            if (trimmed.StartsWith('#'))
            {
                string comment = trimmed.TrimStart('#').Trim();
                if (current is null || !indented)
                {
                    inViaList = false;
                    continue;
                }

                if (comment == "via")
                {
                    inViaList = true;
                }
                else if (comment.StartsWith("via ", StringComparison.Ordinal))
                {
                    current.Via.Add(comment[4..].Trim());
                    inViaList = false;
                }
                else if (comment.StartsWith("from ", StringComparison.Ordinal))
                {
                    current.IndexUrl = comment[5..].Trim();
                    inViaList = false;
                }
                else if (inViaList && trimmed.StartsWith("#  ", StringComparison.Ordinal))
                {
                    current.Via.Add(comment);
                }

                continue;
            }

            inViaList = false;
            if (trimmed.StartsWith('-'))
            {
                continue; // --index-url, --extra-index-url, --find-links, -e: options uv echoes.
            }

            Flush();
            string withoutMarker = trimmed.Split(';', 2)[0].Trim();
            if (!Requirement.TryParse(withoutMarker, out Requirement? requirement, out string? error))
            {
                throw new InputException($"{source}: line {i + 1}: '{trimmed}' is not a pin ({error})");
            }

            PythonVersion? version = null;
            if (requirement.Url is null)
            {
                if (requirement.Pin is not { Operator: SpecifierOperator.Equal or SpecifierOperator.ArbitraryEqual, Version: { } pinned })
                {
                    throw new InputException($"{source}: line {i + 1}: '{trimmed}' is not an exact pin");
                }

                version = pinned;
            }

            current = new PinBuilder(requirement.NormalizedName, version, [.. requirement.Extras.Select(PackageName.Normalize)], requirement.Url, i + 1);
        }

        Flush();
        return pins;

        void Flush()
        {
            if (current is not null)
            {
                pins.Add(new UvPin(current.Name, current.Version, current.Extras, current.Url, [.. current.Via], current.IndexUrl, current.Line));
                current = null;
            }
        }
    }

    private sealed class PinBuilder(string name, PythonVersion? version, IReadOnlyList<string> extras, string? url, int line)
    {
        public string Name { get; } = name;

        public PythonVersion? Version { get; } = version;

        public IReadOnlyList<string> Extras { get; } = extras;

        public string? Url { get; } = url;

        public int Line { get; } = line;

        public List<string> Via { get; } = [];

        public string? IndexUrl { get; set; }
    }
}
