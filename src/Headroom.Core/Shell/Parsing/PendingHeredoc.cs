namespace Headroom.Shell.Parsing;

/// <summary>A <c>&lt;&lt;</c> redirection whose body starts after the next newline.</summary>
internal sealed record PendingHeredoc(ShellRedirection Redirection, string Delimiter, bool IsQuoted, bool StripTabs);
