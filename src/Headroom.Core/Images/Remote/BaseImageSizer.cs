using Headroom.Diagnostics;
using Headroom.Knowledge;

namespace Headroom.Images.Remote;

/// <summary>Settings of <see cref="BaseImageSizer"/>.</summary>
public sealed record BaseImageSizerOptions
{
    /// <summary>Use only the embedded table.</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// Read the layers (streamed through <see cref="ImageAnalyzer"/>, nothing unpacked) to measure the
    /// exact uncompressed size. Off by default: it downloads the whole image.
    /// </summary>
    public bool MeasureLayers { get; init; }

    /// <summary>The largest image (Σ compressed layers) whose layers are read when <see cref="MeasureLayers"/> is on.</summary>
    public long MaxMeasuredBytes { get; init; } = 2L << 30;
}

/// <summary>
/// Sizes a base image: its manifest from the registry (compressed bytes, exact), optionally a pass
/// over its layers for the exact uncompressed bytes, and the embedded <see cref="BaseImageTable"/>
/// offline, when the registry fails, or for the uncompressed size when the layers are not read.
/// A loopback registry is spoken to over plain HTTP (see <see cref="RegistryClient"/>).
/// </summary>
public sealed class BaseImageSizer(RegistryClient? client, BaseImageSizerOptions? options = null)
{
    private readonly BaseImageSizerOptions _options = options ?? new BaseImageSizerOptions();

    /// <summary>
    /// Sizes <paramref name="reference"/> for <paramref name="platform"/> (default linux/amd64). An invalid
    /// reference, or a registry failure with no table row to fall back on, is an <see cref="InputException"/>.
    /// </summary>
    public async Task<BaseImageSizeResult> SizeAsync(string reference, ImagePlatform? platform = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!ImageReference.TryParse(reference, out ImageReference? image, out string? error))
        {
            throw new InputException($"{reference}: invalid image reference: {error}");
        }

        ImagePlatform wanted = platform ?? ImagePlatform.Default;
        BaseImageMatch? match = BaseImageTable.Resolve(reference);
        var notes = new List<string>();
        if (match?.Note is string near)
        {
            notes.Add(near);
        }

        if (_options.Offline || client is null)
        {
            return FromTable(reference, wanted, match, notes, null);
        }

        ResolvedManifest resolved;
        try
        {
            resolved = await client.ResolveAsync(image, wanted, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteImageException e)
        {
            return FromTable(reference, wanted, match, notes, e.Message);
        }

        long compressed = resolved.Parsed.Layers.Where(l => l.Size > 0).Sum(l => l.Size);
        string digest = resolved.Index is not null ? resolved.Index.Digest : resolved.Manifest.Digest;
        long? uncompressed = null;
        bool exact = false;
        string source = $"registry {image.Registry}: manifest {resolved.Manifest.Digest}";
        if (_options.MeasureLayers && compressed <= _options.MaxMeasuredBytes)
        {
            using var imageSource = new RegistryImageSource(image, client);
            ImageReport report = ImageAnalyzer.Analyze(imageSource, new ImageAnalysisOptions { Selector = new ImageSelector(Platform: wanted.ToString()), Top = 0 }, cancellationToken);
            uncompressed = report.Totals.Bytes;
            exact = true;
            source += "; uncompressed bytes measured by reading every layer";
        }
        else
        {
            if (_options.MeasureLayers)
            {
                notes.Add($"the layers ({compressed} bytes) are larger than the {_options.MaxMeasuredBytes}-byte limit for reading them");
            }

            BaseImageSize? known = match?.Image.SizeFor(wanted.ToString());
            if (known?.UncompressedBytes is long fromTable)
            {
                uncompressed = fromTable;
                source += $"; uncompressed bytes from embedded knowledge ({known.Source}, {known.Date})";
            }
        }

        return new BaseImageSizeResult(reference, wanted.ToString(), compressed, uncompressed, exact, true, digest, match?.Image, source, notes);
    }

    private static BaseImageSizeResult FromTable(string reference, ImagePlatform wanted, BaseImageMatch? match, List<string> notes, string? registryError)
    {
        BaseImageSize? known = match?.Image.SizeFor(wanted.ToString());
        if (known is null)
        {
            string why = registryError ?? "working offline";
            throw new InputException(match is null
                ? $"{reference}: {why}, and the embedded base-image table does not know this image"
                : $"{reference}: {why}, and the embedded base-image table has no size for {wanted}");
        }

        if (registryError is not null)
        {
            notes.Insert(0, $"{registryError}; using embedded knowledge");
        }

        string source = $"embedded knowledge{(known.Estimate ? " (estimate)" : string.Empty)}: {known.Source}, {known.Date}";
        return new BaseImageSizeResult(reference, wanted.ToString(), known.CompressedBytes, known.UncompressedBytes, false, false, null, match!.Image, source, notes);
    }
}
