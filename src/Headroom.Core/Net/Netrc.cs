namespace Headroom.Net;

/// <summary>A login and password for one host, from a URL or <c>.netrc</c>. Its text form never shows the password.</summary>
public sealed record HttpCredential(string Login, string Password)
{
    /// <summary>The <c>Authorization: Basic</c> parameter.</summary>
    public string BasicParameter => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Login}:{Password}"));

    public override string ToString() => $"HttpCredential {{ Login = {Login}, Password = *** }}";
}

/// <summary>
/// A <c>.netrc</c> file as curl and pip (through requests) read it: whitespace-separated tokens,
/// <c>machine NAME</c> entries with <c>login</c>, <c>password</c> and <c>account</c>, a <c>default</c>
/// entry that matches any host, <c>macdef</c> bodies skipped up to a blank line, <c>#</c> comment lines,
/// double-quoted tokens with backslash escapes. The first matching machine wins, else <c>default</c>.
/// </summary>
public sealed class Netrc
{
    private readonly List<(string? Machine, HttpCredential Credential)> _entries;

    private Netrc(List<(string? Machine, HttpCredential Credential)> entries) => _entries = entries;

    /// <summary>No entries.</summary>
    public static Netrc Empty { get; } = new([]);

    /// <summary><c>$NETRC</c>, else <c>~/.netrc</c>; null when there is no home folder.</summary>
    public static string? DefaultPath()
    {
        string? path = Environment.GetEnvironmentVariable("NETRC");
        if (!string.IsNullOrEmpty(path))
        {
            return path;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".netrc");
    }

    /// <summary>Reads the file; a missing or unreadable file is <see cref="Empty"/> (as curl and pip treat it).</summary>
    public static Netrc Load(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return Empty;
        }

        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    public static Netrc Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<(string?, HttpCredential)>();
        var tokens = new Tokenizer(text);
        string? machine = null;
        bool inEntry = false;
        string? login = null;
        string? password = null;

        void Flush()
        {
            if (inEntry && (login is not null || password is not null))
            {
                entries.Add((machine, new HttpCredential(login ?? string.Empty, password ?? string.Empty)));
            }

            (inEntry, machine, login, password) = (false, null, null, null);
        }

        while (tokens.Next() is string token)
        {
            switch (token)
            {
                case "machine":
                    Flush();
                    machine = tokens.Next();
                    inEntry = machine is not null;
                    break;
                case "default":
                    Flush();
                    inEntry = true;
                    break;
                case "login":
                    login = tokens.Next();
                    break;
                case "password":
                    password = tokens.Next();
                    break;
                case "account":
                    tokens.Next();
                    break;
                case "macdef":
                    tokens.Next();
                    tokens.SkipMacro();
                    break;
                default:
                    break;
            }
        }

        Flush();
        return new Netrc(entries);
    }

    /// <summary>The credential for <paramref name="host"/> (case-insensitive), else the <c>default</c> entry, else null.</summary>
    public HttpCredential? Find(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var (machine, credential) in _entries)
        {
            if (machine is not null && string.Equals(machine, host, StringComparison.OrdinalIgnoreCase))
            {
                return credential;
            }
        }

        return _entries.FirstOrDefault(e => e.Machine is null).Credential;
    }

    private sealed class Tokenizer(string text)
    {
        private int _pos;

        public string? Next()
        {
            while (_pos < text.Length)
            {
                char c = text[_pos];
                if (char.IsWhiteSpace(c))
                {
                    _pos++;
                }
                else if (c == '#' && LineIsBlankBefore())
                {
                    while (_pos < text.Length && text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else
                {
                    break;
                }
            }

            if (_pos >= text.Length)
            {
                return null;
            }

            var token = new System.Text.StringBuilder();
            if (text[_pos] == '"')
            {
                _pos++;
                while (_pos < text.Length && text[_pos] != '"')
                {
                    if (text[_pos] == '\\' && _pos + 1 < text.Length)
                    {
                        _pos++;
                    }

                    token.Append(text[_pos++]);
                }

                _pos++;
                return token.ToString();
            }

            while (_pos < text.Length && !char.IsWhiteSpace(text[_pos]))
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    _pos++;
                }

                token.Append(text[_pos++]);
            }

            return token.ToString();
        }

        /// <summary>A macro body runs to the first empty line.</summary>
        public void SkipMacro()
        {
            int end = text.IndexOf("\n\n", _pos, StringComparison.Ordinal);
            int endCr = text.IndexOf("\r\n\r\n", _pos, StringComparison.Ordinal);
            if (endCr >= 0 && (end < 0 || endCr < end))
            {
                end = endCr;
            }

            _pos = end < 0 ? text.Length : end;
        }

        private bool LineIsBlankBefore()
        {
            int i = _pos - 1;
            while (i >= 0 && text[i] is ' ' or '\t' or '\r')
            {
                i--;
            }

            return i < 0 || text[i] == '\n';
        }
    }
}
