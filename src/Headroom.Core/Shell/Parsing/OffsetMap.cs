namespace Headroom.Shell.Parsing;

/// <summary>
/// For a script that is the value of a word (<c>sh -c '...'</c>) or a heredoc body: where each of its characters
/// starts and ends in the caller's string. <see cref="Starts"/> has one more entry, for the end of the script.
/// </summary>
internal sealed record OffsetMap(int[] Starts, int[] Ends);
