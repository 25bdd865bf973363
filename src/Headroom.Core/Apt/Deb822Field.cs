namespace Headroom.Apt;

/// <summary>One field of a deb822 stanza.</summary>
/// <param name="Name">The field name as written (<c>Installed-Size</c>); names compare case-insensitively.</param>
/// <param name="Value">The value: the first line's text trimmed, continuation lines joined with <c>\n</c> (their one leading space removed).</param>
/// <param name="Line">The 1-based line the field starts on.</param>
public sealed record Deb822Field(string Name, string Value, int Line);
