using System.Text.RegularExpressions;
using Headroom.Text;

namespace Headroom.Rules.Suppression;

/// <summary>
/// The ignore comments of one file: <c># headroom ignore=ID[,ID]</c> on the comment lines directly above
/// an instruction or step, <c># headroom global ignore=...</c> anywhere, and hadolint's
/// <c># hadolint [global] ignore=DLxxxx</c> for the codes <see cref="HadolintPragmas"/> maps. IDs and
/// slugs are both accepted, case-insensitively. Works on any file whose comments start with <c>#</c>
/// (Dockerfiles, YAML, requirement files, TOML, INI).
/// </summary>
public sealed partial class SuppressionComments
{
    private readonly HashSet<string> _global = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, HashSet<string>> _byLine = [];
    private readonly bool[] _isComment;

    private SuppressionComments(SourceText source)
    {
        _isComment = new bool[source.LineCount + 2];
        for (int line = 1; line <= source.LineCount; line++)
        {
            ReadOnlySpan<char> text = source.AsSpan(source.GetLineSpan(line)).Trim();
            if (text.IsEmpty || text[0] != '#')
            {
                continue;
            }

            _isComment[line] = true;
            Match match = Pragma().Match(text.ToString());
            if (!match.Success)
            {
                continue;
            }

            bool hadolint = match.Groups["tool"].Value.Equals("hadolint", StringComparison.OrdinalIgnoreCase);
            IEnumerable<string> ids = match.Groups["ids"].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => hadolint ? HadolintPragmas.ToRuleId(id) : id)
                .OfType<string>();
            if (match.Groups["global"].Success)
            {
                _global.UnionWith(ids);
            }
            else
            {
                if (!_byLine.TryGetValue(line, out HashSet<string>? set))
                {
                    set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    _byLine[line] = set;
                }

                set.UnionWith(ids);
            }
        }
    }

    public static SuppressionComments Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SuppressionComments(source);
    }

    /// <summary>Whether the rule is ignored for a finding anchored at <paramref name="anchorLine"/>.</summary>
    public bool IsSuppressed(RuleDescriptor rule, int anchorLine)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Matches(_global, rule))
        {
            return true;
        }

        // The comment block directly above the anchor (blank lines end it, as in hadolint).
        for (int line = anchorLine - 1; line >= 1 && line < _isComment.Length && _isComment[line]; line--)
        {
            if (_byLine.TryGetValue(line, out HashSet<string>? ids) && Matches(ids, rule))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(HashSet<string> ids, RuleDescriptor rule) =>
        ids.Contains(rule.Id) || ids.Contains(rule.Slug) || ids.Contains("all");

    [GeneratedRegex(@"^#\s*(?<tool>headroom|hadolint)\s+(?<global>global\s+)?ignore\s*=\s*(?<ids>[A-Za-z0-9_,\s-]+?)\s*(#.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pragma();
}
