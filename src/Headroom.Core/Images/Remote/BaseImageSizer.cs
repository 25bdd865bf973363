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

    /// <summary>
    /// Where measured figures are kept by manifest digest (a digest's layers never change, so one pass is enough),
    /// or null for no cache. Default: none; <see cref="BaseImageSizeCache.DefaultDirectory"/> is the usual folder.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// How long what a reference resolved to (its manifest digest) is used without asking the registry again, when
    /// <see cref="MeasureLayers"/> is on and that digest's figures are in <see cref="CacheDirectory"/>: a warm run
    /// within the window asks nothing, as the package indexes' pages (PyPI's <c>max-age=600</c>). Zero (the default):
    /// every run resolves the reference.
    /// </summary>
    public TimeSpan TagFreshness { get; init; }

    /// <summary>The clock of <see cref="TagFreshness"/> (tests move it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
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

        string tagKey = $"{image}|{wanted}";
        if (FreshTag(tagKey) is { } tag && BaseImageSizeCache.Read(_options.CacheDirectory, tag.ManifestDigest) is { } recent)
        {
            return FromCache(recent, tag, $"registry {image.Registry}: manifest {tag.ManifestDigest} (what {image.RepositoryAndReference} named when last asked, not asked again within {Minutes(_options.TagFreshness)})");
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
        string source = $"registry {image.Registry}: manifest {resolved.Manifest.Digest}";
        BaseImageSize? known = match?.Image.SizeFor(wanted.ToString());
        var resolution = new BaseImageTagEntry(resolved.Manifest.Digest, digest, compressed, _options.Time.GetUtcNow());
        if (_options.MeasureLayers && BaseImageSizeCache.Read(_options.CacheDirectory, resolved.Manifest.Digest) is { } cached)
        {
            RememberTag(tagKey, resolution);
            return FromCache(cached, resolution, source);
        }

        if (_options.MeasureLayers && compressed <= _options.MaxMeasuredBytes)
        {
            try
            {
                BaseImageSizeResult measured = await MeasureAsync(client, image, resolved, wanted, cancellationToken).ConfigureAwait(false);
                measured = measured with
                {
                    Reference = reference,
                    CompressedBytes = compressed,
                    Digest = digest,
                    Knowledge = match?.Image,
                    Source = source + "; uncompressed bytes measured by reading every layer",
                    Notes = notes,
                };
                BaseImageSizeCache.Write(_options.CacheDirectory, resolved.Manifest.Digest, measured);
                RememberTag(tagKey, resolution);
                return measured;
            }
            catch (Exception e) when (e is InputException or RemoteImageException or IOException or HttpRequestException)
            {
                notes.Add($"the layers of {reference} could not be read ({e.Message})");
            }
        }
        else if (_options.MeasureLayers)
        {
            notes.Add($"the layers ({compressed} bytes) are larger than the {_options.MaxMeasuredBytes}-byte limit for reading them");
        }

        long? uncompressed = null;
        if (known?.UncompressedBytes is long fromTable)
        {
            uncompressed = fromTable;
            source += $"; uncompressed bytes from embedded knowledge ({known.Source}, {known.Date})";
        }

        return new BaseImageSizeResult(reference, wanted.ToString(), compressed, uncompressed, false, true, digest, match?.Image, source, notes);

        // A measured figure of the cache, for the reference as the resolution names it.
        BaseImageSizeResult FromCache(BaseImageSizeResult cached, BaseImageTagEntry resolution, string source) => cached with
        {
            Reference = reference,
            Platform = wanted.ToString(),
            CompressedBytes = resolution.CompressedBytes,
            Digest = resolution.Digest,
            Knowledge = match?.Image,
            Source = source + "; uncompressed bytes measured by reading every layer (cached by digest)",
            Notes = notes,
            FromCache = true,
        };
    }

    /// <summary>What <paramref name="key"/> resolved to, when that is recent enough to use without asking (see <see cref="BaseImageSizerOptions.TagFreshness"/>).</summary>
    private BaseImageTagEntry? FreshTag(string key)
    {
        if (!_options.MeasureLayers || _options.TagFreshness <= TimeSpan.Zero || BaseImageSizeCache.ReadTag(_options.CacheDirectory, key) is not { } tag)
        {
            return null;
        }

        TimeSpan age = _options.Time.GetUtcNow() - tag.ResolvedAt;
        return age >= TimeSpan.Zero && age < _options.TagFreshness ? tag : null;
    }

    private void RememberTag(string key, BaseImageTagEntry resolution)
    {
        if (_options.TagFreshness > TimeSpan.Zero)
        {
            BaseImageSizeCache.WriteTag(_options.CacheDirectory, key, resolution);
        }
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " min";

    /// <summary>One pass over the layers: the unpacked bytes, the distribution, the dpkg packages and the Python.</summary>
    private static async Task<BaseImageSizeResult> MeasureAsync(RegistryClient client, ImageReference image, ResolvedManifest resolved, ImagePlatform wanted, CancellationToken cancellationToken)
    {
        ImageReport report;
        using (var imageSource = new RegistryImageSource(image, client))
        {
            report = ImageAnalyzer.Analyze(imageSource, new ImageAnalysisOptions { Selector = new ImageSelector(Platform: wanted.ToString()), Top = 0 }, cancellationToken);
        }

        string[] packages = [.. report.Packages.Where(p => p.Ecosystem == "dpkg").Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string? python = null;
        try
        {
            byte[] config = await client.GetBlobBytesAsync(image, resolved.Parsed.Config.Digest, cancellationToken).ConfigureAwait(false);
            python = PythonFromConfig(config);
        }
        catch (Exception e) when (e is RemoteImageException or IOException or HttpRequestException or System.Text.Json.JsonException)
        {
            // The config only adds the Python version; the packages may still tell it.
        }

        python ??= packages.Select(PythonOfPackage).OfType<string>().OrderBy(v => int.Parse(v[2..], System.Globalization.CultureInfo.InvariantCulture)).LastOrDefault();
        Dictionary<string, string> osRelease = OsRelease(report.SystemFiles);
        return new BaseImageSizeResult(string.Empty, wanted.ToString(), null, report.Totals.Bytes, true, true, null, null, string.Empty, [])
        {
            Distro = osRelease.GetValueOrDefault("ID"),
            DistroVersion = osRelease.GetValueOrDefault("VERSION_ID"),
            Python = python,
            Packages = packages,
            AptSetup = Apt.AptImageSetup.Read(report.SystemFiles),
        };
    }

    /// <summary>The fields of <c>/etc/os-release</c> (else <c>/usr/lib/os-release</c>, where Debian's symlink points), as os-release(5) writes them.</summary>
    internal static Dictionary<string, string> OsRelease(IReadOnlyDictionary<string, string> systemFiles)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? text = systemFiles.GetValueOrDefault("etc/os-release") ?? systemFiles.GetValueOrDefault("usr/lib/os-release");
        foreach (string line in (text ?? string.Empty).Split('\n'))
        {
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || line.StartsWith('#'))
            {
                continue;
            }

            string value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            fields[line[..eq].Trim()] = value;
        }

        return fields;
    }

    /// <summary><c>3.11</c> for the interpreter package <c>python3.11</c> (Debian's and Ubuntu's name for it), else null.</summary>
    internal static string? PythonOfPackage(string package) =>
        package.StartsWith("python3.", StringComparison.Ordinal) && package.Length > 8 && package[8..].All(char.IsAsciiDigit) ? package[6..] : null;

    /// <summary><c>PYTHON_VERSION</c> from the image config's <c>Env</c> (what the official python images set).</summary>
    internal static string? PythonFromConfig(byte[] config)
    {
        using var document = System.Text.Json.JsonDocument.Parse(config);
        if (!document.RootElement.TryGetProperty("config", out System.Text.Json.JsonElement c) || !c.TryGetProperty("Env", out System.Text.Json.JsonElement env)
            || env.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return null;
        }

        return env.EnumerateArray().Select(e => e.GetString()).FirstOrDefault(e => e?.StartsWith("PYTHON_VERSION=", StringComparison.Ordinal) == true)?["PYTHON_VERSION=".Length..];
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
