namespace Headroom.Shell.Invocations;

/// <summary>
/// The options of a tool, written as entries like <c>-r|--requirement=</c> (a trailing <c>=</c>: takes a value;
/// the first long name is canonical).
/// </summary>
internal sealed class OptionTable
{
    private readonly Dictionary<string, OptionSpec> _byName = new(StringComparer.Ordinal);
    private readonly List<string> _longNames = [];

    public OptionTable(bool allowAbbreviations, params string[] entries)
    {
        AllowAbbreviations = allowAbbreviations;
        foreach (string entry in entries)
        {
            bool takesValue = entry.EndsWith('=');
            string[] names = (takesValue ? entry[..^1] : entry).Split('|');
            string canonical = names.FirstOrDefault(n => n.StartsWith("--", StringComparison.Ordinal)) ?? names[0];
            var spec = new OptionSpec(canonical, takesValue);
            foreach (string name in names)
            {
                _byName[name] = spec;
                if (name.StartsWith("--", StringComparison.Ordinal))
                {
                    _longNames.Add(name);
                }
            }
        }
    }

    /// <summary>True when an unambiguous prefix of a long option is accepted (pip's optparse does this).</summary>
    public bool AllowAbbreviations { get; }

    public OptionSpec? Find(string name)
    {
        if (_byName.TryGetValue(name, out OptionSpec? spec))
        {
            return spec;
        }

        if (!AllowAbbreviations || !name.StartsWith("--", StringComparison.Ordinal) || name.Length < 4)
        {
            return null;
        }

        OptionSpec? found = null;
        foreach (string candidate in _longNames)
        {
            if (candidate.StartsWith(name, StringComparison.Ordinal))
            {
                OptionSpec match = _byName[candidate];
                if (found is not null && found != match)
                {
                    return null;
                }

                found = match;
            }
        }

        return found;
    }
}
