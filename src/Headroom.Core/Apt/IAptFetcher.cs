namespace Headroom.Apt;

/// <summary>
/// Opens a file of an apt mirror by URL. Implementations cache as they see fit; the default is
/// <see cref="HttpAptFetcher"/>. (A shared HTTP layer may replace this interface later.)
/// </summary>
public interface IAptFetcher
{
    /// <summary>
    /// The file's content, or null when the server says it does not exist (404, 410). Any other
    /// failure is an <see cref="Diagnostics.InputException"/> whose message names the URL.
    /// </summary>
    Task<Stream?> OpenAsync(Uri uri, CancellationToken cancellationToken);
}
