using System.Text;
using System.Text.RegularExpressions;
using Headroom.Rules.Models;

namespace Headroom.Prediction;

/// <summary>
/// A <c>.dockerignore</c> as Docker reads it (docs.docker.com/build/concepts/context/#dockerignore-files):
/// one pattern per line, <c>#</c> comments, surrounding whitespace and a leading <c>/</c> ignored, paths cleaned;
/// Go <c>filepath.Match</c> syntax (<c>*</c>, <c>?</c>, <c>[...]</c>) plus <c>**</c> for any number of folders;
/// <c>!</c> re-includes; the last pattern that matches a path decides. A pattern that matches a folder
/// excludes everything below it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    /// <summary>Parses the file's text (null or empty: nothing is excluded).</summary>
    public DockerIgnore(string? text)
    {
        foreach (string raw in (text ?? string.Empty).Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            bool exclude = true;
            if (line.StartsWith('!'))
            {
                exclude = false;
                line = line[1..].Trim();
            }

            string cleaned = Clean(line);
            if (cleaned.Length == 0)
            {
                continue;
            }

            _rules.Add((new Regex(ToRegex(cleaned), RegexOptions.CultureInvariant), exclude));
        }
    }

    /// <summary>True when the file (relative to the context, with <c>/</c>) is not sent to the builder.</summary>
    public bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        bool excluded = false;
        string path = Clean(relativePath);
        foreach ((Regex pattern, bool exclude) in _rules)
        {
            if (MatchesOrParentMatches(pattern, path))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    private static bool MatchesOrParentMatches(Regex pattern, string path)
    {
        if (pattern.IsMatch(path))
        {
            return true;
        }

        for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (pattern.IsMatch(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string path) => ContainerPaths.Fold(path.Replace('\\', '/'));

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**" matches any number of folders (also none): "**/x", "a/**", "a/**/b".
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                int end = pattern.IndexOf(']', i + 1);
                if (end < 0)
                {
                    regex.Append(@"\[");
                    continue;
                }

                string set = pattern[(i + 1)..end];
                regex.Append('[').Append(set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = end;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.Append('$').ToString();
    }
}
