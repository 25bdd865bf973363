using Headroom.Net;
using Headroom.Python.Index;
using Headroom.Rules;

namespace Headroom.Cli.Commands;

/// <summary>
/// The package indexes of one <c>check</c> or <c>fix</c> run: over HTTP with the disk cache unless
/// <c>--offline</c> (or the host has no network); afterwards each failure or stale copy is one
/// <c>headroom: note:</c> line on stderr.
/// </summary>
internal sealed class IndexSession : IDisposable
{
    private readonly HttpFetcher? _fetcher;
    private readonly PackageIndexes? _indexes;

    private IndexSession(HttpFetcher? fetcher)
    {
        _fetcher = fetcher;
        _indexes = fetcher is null ? null : PackageIndexes.OverHttp(fetcher);
    }

    /// <summary>A session over HTTP unless the options are offline (see <see cref="Network.Apply"/>); the host's fetcher when it has one (tests).</summary>
    public static IndexSession Open(CheckOptions options, CliHost host) =>
        new(options.Offline ? null : host.PackageIndexFetcher?.Invoke() ?? new HttpFetcher());

    /// <summary>The options with this session's indexes.</summary>
    public CheckOptions Apply(CheckOptions options) => options with { PackageIndexes = _indexes };

    /// <summary>Writes each notice as one line.</summary>
    public void ReportNotices(TextWriter error)
    {
        foreach (string notice in _indexes?.Notices ?? [])
        {
            error.WriteLine($"headroom: note: {notice.ReplaceLineEndings(" ")}");
        }
    }

    public void Dispose() => _fetcher?.Dispose();
}
