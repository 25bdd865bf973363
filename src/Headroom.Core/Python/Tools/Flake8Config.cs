using System.Globalization;
using Headroom.Project;
using Headroom.Text;

namespace Headroom.Python.Tools;

/// <summary>
/// flake8's settings from the one file it reads: the first of setup.cfg, tox.ini, .flake8 (in that
/// order, per folder, walking up) that has a [flake8] section. flake8 never reads pyproject.toml.
/// </summary>
public sealed class Flake8Config
{
    private Flake8Config(string path, IniSection section)
    {
        Path = path;
        Section = section;
    }

    public string Path { get; }

    public IniSection Section { get; }

    public IniEntry? MaxLineLengthEntry => Section.Find("max-line-length");

    /// <summary>max-line-length, 79 (flake8's default) when not set, null when set to something that is not a number.</summary>
    public int? MaxLineLength => MaxLineLengthEntry is { } e
        ? int.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null
        : 79;

    /// <summary>"ignore =" replaces flake8's default ignore list (E121,E123,E126,E226,E24,E704,W503,W504); null when not set.</summary>
    public IReadOnlyList<string>? Ignore => Codes("ignore");

    public IReadOnlyList<string>? ExtendIgnore => Codes("extend-ignore");

    public IReadOnlyList<string>? Select => Codes("select");

    public IReadOnlyList<string>? ExtendSelect => Codes("extend-select");

    /// <summary>Whether a code (or a prefix of it, as flake8 matches) is ignored by ignore/extend-ignore or the defaults.</summary>
    public bool IsIgnored(string code)
    {
        IReadOnlyList<string> ignore = Ignore ?? ["E121", "E123", "E126", "E226", "E24", "E704", "W503", "W504"];
        return ignore.Concat(ExtendIgnore ?? []).Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    public static Flake8Config? FromFile(string path, string text)
    {
        IniFile ini = IniFile.Read(new SourceText(text, path));
        return ini.FindSection("flake8") is { } section ? new Flake8Config(path, section) : null;
    }

    /// <summary>The config flake8 would use when run in a folder; null when none.</summary>
    public static Flake8Config? Find(IRepositoryFiles files, string folder)
    {
        ArgumentNullException.ThrowIfNull(files);
        string? dir = RepositoryPath.Normalize(folder);
        while (dir is not null)
        {
            foreach (string name in (string[])["setup.cfg", "tox.ini", ".flake8"])
            {
                string path = RepositoryPath.Combine(dir, name)!;
                if (files.ReadText(path) is { } text && FromFile(path, text) is { } config)
                {
                    return config;
                }
            }

            dir = dir.Length == 0 ? null : RepositoryPath.GetDirectory(dir);
        }

        return null;
    }

    private List<string>? Codes(string key) => Section.Find(key) is { } e
        ? e.Value.Split([',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => !c.StartsWith('#')).ToList()
        : null;
}
