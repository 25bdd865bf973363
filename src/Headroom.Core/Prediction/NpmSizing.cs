using Headroom.JavaScript;

namespace Headroom.Prediction;

/// <summary>The npm registry side of a prediction: tarball sizes for a lock file's packages, fetched in parallel and cached on disk.</summary>
public sealed class NpmSizing : IDisposable
{
    private readonly INpmTarballSizer _sizer;
    private readonly HttpNpmTarballSizer? _owned;

    /// <param name="sizer">Where sizes come from; null for the configured registry over HTTP with the on-disk cache.</param>
    public NpmSizing(INpmTarballSizer? sizer = null)
    {
        if (sizer is null)
        {
            _owned = new HttpNpmTarballSizer();
            sizer = _owned;
        }

        _sizer = sizer;
    }

    /// <summary>Why some sizes could not be read (the first failure), or null.</summary>
    public string? Failure => (_sizer as HttpNpmTarballSizer)?.Failure ?? _failure;

    private string? _failure;

    /// <summary>The sizes of <paramref name="entries"/> (null for those the registry did not answer), in order.</summary>
    public IReadOnlyList<NpmTarballSize?> Sizes(IReadOnlyList<NpmLockEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            Task<NpmTarballSize?>[] tasks = [.. entries.Select(e => _sizer.SizeAsync(e.Name, e.Version, e.Resolved, timeout.Token))];
            Task.WhenAll(tasks).GetAwaiter().GetResult();
            return [.. tasks.Select(t => t.Result)];
        }
        catch (OperationCanceledException)
        {
            _failure ??= "the npm registry did not answer within 60s";
            return [.. entries.Select(_ => (NpmTarballSize?)null)];
        }
        finally
        {
            (_sizer as HttpNpmTarballSizer)?.Save();
        }
    }

    public void Dispose() => _owned?.Dispose();
}
