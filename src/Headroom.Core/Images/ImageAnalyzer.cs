using System.Collections.Concurrent;
using Headroom.Diagnostics;
using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>Options of one analysis.</summary>
public sealed record ImageAnalysisOptions
{
    public ImageSelector Selector { get; init; } = new();

    /// <summary>How many largest files to keep (<c>--top</c>).</summary>
    public int Top { get; init; } = 10;

    /// <summary>Hash every file's content to find duplicates (<c>--hash</c>).</summary>
    public bool Hash { get; init; }

    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>Also build <see cref="ImageReport.Tree"/> (bytes by layer and folder, for the HTML report's treemap).</summary>
    public bool SizeTree { get; init; }

    /// <summary>Called with the number of stored bytes read, from any thread (for a progress line).</summary>
    public Action<long>? OnStoredBytes { get; init; }

    /// <summary>
    /// Called once with the stored size of all the layer blobs to read, when the source tells it
    /// before reading (archives, layouts, registries); never for one-pass streams.
    /// </summary>
    public Action<long>? OnStoredTotal { get; init; }
}

/// <summary>
/// Analyses a built image in one forward pass per layer blob without unpacking anything: layers
/// are scanned independently (in parallel when the source allows), then merged in order into the
/// layered file index, from which totals, packages, categories and the largest files come.
/// </summary>
public static class ImageAnalyzer
{
    public static ImageReport Analyze(IImageSource source, ImageAnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new ScanSettings
        {
            Hash = options.Hash,
            Verify = options.Selector.Verify,
            Limits = options.Limits,
            OnStoredBytes = options.OnStoredBytes,
        };

        ResolvedImage image;
        Dictionary<string, LayerScan> scans;
        switch (source)
        {
            case IRandomAccessImageSource random:
                image = random.Resolve(options.Selector, cancellationToken);
                ReportStoredTotal(image, options.OnStoredTotal);
                scans = ScanAll(random, image, settings, cancellationToken);
                break;
            case IStreamingImageSource streaming:
                var found = new Dictionary<string, LayerScan>(StringComparer.Ordinal);
                var failed = new Dictionary<string, InputException>(StringComparer.Ordinal);
                image = streaming.ReadOnce(
                    options.Selector,
                    (key, size, stream) =>
                    {
                        // The layer's place is known only once the manifest is read: name the blob.
                        try
                        {
                            found[key] = LayerScanner.Scan(stream, size, settings, $"{source.DisplayName}: {key}", cancellationToken);
                        }
                        catch (InputException ex)
                        {
                            failed[key] = ex;
                        }
                    },
                    cancellationToken);
                scans = [];
                for (int i = 0; i < image.Layers.Count; i++)
                {
                    LayerDescriptor layer = image.Layers[i];
                    if (layer.IsEmptyDescriptor)
                    {
                        continue;
                    }

                    if (failed.TryGetValue(layer.BlobKey, out InputException? error))
                    {
                        throw new InputException(error.Message.Replace($"{source.DisplayName}: {layer.BlobKey}", LayerContext(source, i, layer), StringComparison.Ordinal), error);
                    }

                    scans[layer.BlobKey] = found.TryGetValue(layer.BlobKey, out LayerScan? scan)
                        ? scan
                        : throw new InputException($"{LayerContext(source, i, layer)}: blob '{layer.BlobKey}' is not in the stream");
                }

                break;
            default:
                throw new ArgumentException("unknown source type", nameof(source));
        }

        if (settings.Verify)
        {
            Verify(source, image, scans);
        }

        return Build(source.DisplayName, image, scans, options);
    }

    private static void ReportStoredTotal(ResolvedImage image, Action<long>? report)
    {
        var blobs = image.Layers.Where(l => !l.IsEmptyDescriptor).DistinctBy(l => l.BlobKey).ToList();
        if (report is not null && blobs.All(l => l.Size is not null))
        {
            report(blobs.Sum(l => l.Size!.Value));
        }
    }

    /// <summary><c>image.tar: layer 3 (sha256:ab12…)</c>.</summary>
    internal static string LayerContext(IImageSource source, int index, LayerDescriptor layer) =>
        $"{source.DisplayName}: layer {index} ({OciImageResolver.Short(layer.Digest)})";

    private static Dictionary<string, LayerScan> ScanAll(IRandomAccessImageSource source, ResolvedImage image, ScanSettings settings, CancellationToken cancellationToken)
    {
        // One scan per distinct blob (an image may use the same blob twice), biggest first.
        var work = image.Layers
            .Select((layer, index) => (layer, index))
            .Where(x => !x.layer.IsEmptyDescriptor)
            .DistinctBy(x => x.layer.BlobKey)
            .OrderByDescending(x => x.layer.Size ?? 0)
            .ToList();
        var scans = new ConcurrentDictionary<string, LayerScan>(StringComparer.Ordinal);
        var errors = new ConcurrentBag<(int Index, InputException Error)>();
        int parallelism = Math.Max(1, Math.Min(source.MaxParallelism, Environment.ProcessorCount));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Parallel.ForEach(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel.Token },
                item =>
                {
                    string context = LayerContext(source, item.index, item.layer);
                    try
                    {
                        Stream blob = source.OpenBlob(item.layer, cancel.Token);
                        scans[item.layer.BlobKey] = LayerScanner.Scan(blob, item.layer.Size, settings, context, cancel.Token);
                    }
                    catch (InputException ex)
                    {
                        errors.Add((item.index, ex.Message.StartsWith(source.DisplayName, StringComparison.Ordinal) ? ex : new InputException($"{context}: {ex.Message}", ex)));
                        cancel.Cancel();
                    }
                });
        }
        catch (OperationCanceledException) when (!errors.IsEmpty && !cancellationToken.IsCancellationRequested)
        {
        }

        if (!errors.IsEmpty)
        {
            throw errors.OrderBy(e => e.Index).First().Error;
        }

        return new Dictionary<string, LayerScan>(scans, StringComparer.Ordinal);
    }

    private static void Verify(IImageSource source, ResolvedImage image, Dictionary<string, LayerScan> scans)
    {
        for (int i = 0; i < image.Layers.Count; i++)
        {
            LayerDescriptor layer = image.Layers[i];
            if (!scans.TryGetValue(layer.BlobKey, out LayerScan? scan))
            {
                continue;
            }

            if (layer.ExpectedBlobDigest is string expected && expected.StartsWith("sha256:", StringComparison.Ordinal)
                && scan.BlobDigest is string actual && actual != expected)
            {
                throw new InputException($"{LayerContext(source, i, layer)}: digest mismatch: the blob's sha256 is {actual}");
            }

            if (layer.DiffId is string diffId && diffId.StartsWith("sha256:", StringComparison.Ordinal)
                && scan.DiffId is string actualDiff && actualDiff != diffId)
            {
                throw new InputException($"{LayerContext(source, i, layer)}: digest mismatch: the uncompressed layer's sha256 is {actualDiff}, the config's diff_id is {diffId}");
            }
        }
    }

    private static ImageReport Build(string sourceName, ResolvedImage image, Dictionary<string, LayerScan> scans, ImageAnalysisOptions options)
    {
        var tree = new FileTree();
        var layers = new List<LayerReport>(image.Layers.Count);
        long total = 0;
        long compressed = 0;
        var duplicates = options.Hash ? new Dictionary<string, List<FileUsage>>(StringComparer.Ordinal) : null;
        var duplicateSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < image.Layers.Count; i++)
        {
            lastUse[image.Layers[i].BlobKey] = i;
        }

        for (int i = 0; i < image.Layers.Count; i++)
        {
            LayerDescriptor layer = image.Layers[i];
            LayerScan scan = scans.TryGetValue(layer.BlobKey, out LayerScan? s) ? s : new LayerScan();
            FileChangeCounts counts = tree.Apply(i, scan);
            long stored = layer.IsEmptyDescriptor ? layer.Size ?? 0 : scan.StoredBytes;
            layers.Add(new LayerReport(i, layer.Digest, layer.CreatedBy, stored, scan.Bytes, counts, scan.Compression.ToString().ToLowerInvariant()));
            total += scan.Bytes;
            compressed += stored;
            if (duplicates is not null)
            {
                foreach (ScanEntry e in scan.Entries)
                {
                    if (e.Sha256 is null || e.Size == 0)
                    {
                        continue;
                    }

                    string hex = Convert.ToHexStringLower(e.Sha256);
                    if (!duplicates.TryGetValue(hex, out List<FileUsage>? list))
                    {
                        duplicates[hex] = list = [];
                        duplicateSizes[hex] = e.Size;
                    }

                    list.Add(new FileUsage("/" + e.Path, e.Size, i));
                }
            }

            if (lastUse[layer.BlobKey] == i)
            {
                // The merged tree keeps interned names; the scan's full paths are no longer needed.
                scan.Entries.Clear();
                scan.Entries.TrimExcess();
            }
        }

        var cudaFiles = new HashSet<FsNode>(ReferenceEqualityComparer.Instance);
        List<PackageUsage> packages = PackageAttribution.Find(tree, tree.MetadataNodes, cudaFiles);
        ImageSizeTree? sizeTree = options.SizeTree ? new ImageSizeTree(sourceName, image, layers) : null;
        (long finalBytes, long fileCount, List<CategoryUsage> categories, List<FileUsage> largest) = WalkFinal(tree, cudaFiles, options.Top, sizeTree is null ? null : sizeTree.Add);
        var totals = new ImageTotals(total, finalBytes, total - finalBytes, compressed, total == 0 ? 1.0 : (double)finalBytes / total, fileCount);

        List<DuplicateGroup>? groups = null;
        if (duplicates is not null)
        {
            groups = duplicates
                .Where(kv => kv.Value.Count > 1)
                .Select(kv => new DuplicateGroup(
                    kv.Key,
                    duplicateSizes[kv.Key],
                    duplicateSizes[kv.Key] * (kv.Value.Count - 1),
                    kv.Value.OrderBy(f => f.Layer).ThenBy(f => f.Path, StringComparer.Ordinal).ToList()))
                .OrderByDescending(g => g.WastedBytes)
                .ThenBy(g => g.Sha256, StringComparer.Ordinal)
                .Take(options.Top)
                .ToList();
        }

        return new ImageReport(sourceName, image.Platform, image.ImageId, layers, totals, packages, categories, largest, groups)
        {
            Tree = sizeTree?.Build(),
            SystemFiles = SystemFiles(tree),
        };
    }

    private static (long FinalBytes, long FileCount, List<CategoryUsage> Categories, List<FileUsage> Largest) WalkFinal(FileTree tree, HashSet<FsNode> cudaFiles, int top, Action<FsNode, string, long, string?>? visit)
    {
        long finalBytes = 0;
        long fileCount = 0;
        var categoryBytes = new Dictionary<string, (long Bytes, long Files)>(StringComparer.Ordinal);
        var heap = new PriorityQueue<(FsNode Node, long Size, string DirPath), (long, string)>(Comparer<(long Size, string Path)>.Create(static (a, b) =>
        {
            // The root of the heap is the smallest kept file; among equal sizes the last path in order.
            int c = a.Size.CompareTo(b.Size);
            return c != 0 ? c : string.CompareOrdinal(b.Path, a.Path);
        }));
        var counted = new HashSet<FsNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(FsNode Dir, string Path, string? Category)>();
        stack.Push((tree.Root, string.Empty, null));
        while (stack.Count > 0)
        {
            (FsNode dir, string dirPath, string? dirCategory) = stack.Pop();
            foreach (FsNode child in dir.Children!.Values)
            {
                if (child.IsDirectory)
                {
                    string childPath = dirPath.Length == 0 ? child.Name : dirPath + "/" + child.Name;
                    stack.Push((child, childPath, dirCategory ?? Categories.OfFolder(child, childPath)));
                    continue;
                }

                if (child.Kind is not (TarEntryKind.Regular or TarEntryKind.HardLink))
                {
                    continue;
                }

                long size = FileTree.EffectiveSize(child);
                if (child.Kind == TarEntryKind.HardLink && size > 0 && !counted.Add(child.HardTarget!))
                {
                    size = 0;
                }

                fileCount++;
                finalBytes += size;
                string? category = dirCategory ?? Categories.OfFile(child, cudaFiles);
                if (category is not null)
                {
                    (long b, long f) = categoryBytes.GetValueOrDefault(category);
                    categoryBytes[category] = (b + size, f + 1);
                }

                visit?.Invoke(child, dirPath, size, category);

                if (top > 0 && size > 0)
                {
                    if (heap.Count < top)
                    {
                        heap.Enqueue((child, size, dirPath), (size, Join(dirPath, child.Name)));
                    }
                    else
                    {
                        heap.TryPeek(out _, out (long Size, string Path) min);
                        if (size >= min.Size)
                        {
                            string path = Join(dirPath, child.Name);
                            if (size > min.Size || string.CompareOrdinal(path, min.Path) < 0)
                            {
                                heap.EnqueueDequeue((child, size, dirPath), (size, path));
                            }
                        }
                    }
                }
            }
        }

        var largest = new List<FileUsage>(heap.Count);
        while (heap.TryDequeue(out (FsNode Node, long Size, string DirPath) item, out _))
        {
            largest.Add(new FileUsage("/" + Join(item.DirPath, item.Node.Name), item.Size, item.Node.Layer));
        }

        largest.Reverse();
        List<CategoryUsage> categories = categoryBytes
            .Where(kv => kv.Value.Bytes > 0)
            .Select(kv => new CategoryUsage(kv.Key, kv.Value.Bytes, kv.Value.Files))
            .OrderByDescending(c => c.Bytes)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return (finalBytes, fileCount, categories, largest);
    }

    /// <summary>The small system files kept in <see cref="ImageReport.SystemFiles"/> (os-release, apt's configuration and sources).</summary>
    internal static bool IsSystemFile(string path) =>
        path is "etc/os-release" or "usr/lib/os-release" or "etc/apt/apt.conf" or "etc/apt/sources.list"
        || ((path.StartsWith("etc/apt/apt.conf.d/", StringComparison.Ordinal) || path.StartsWith("etc/apt/sources.list.d/", StringComparison.Ordinal))
            && path.Count(c => c == '/') == 3);

    private static Dictionary<string, string> SystemFiles(FileTree tree)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (FsNode node in tree.MetadataNodes)
        {
            if (node.Content is { } content && FileTree.IsVisible(node) && FileTree.PathOf(node)[1..] is var path && IsSystemFile(path))
            {
                files[path] = System.Text.Encoding.UTF8.GetString(content);
            }
        }

        return files;
    }

    private static string Join(string dir, string name) => dir.Length == 0 ? name : dir + "/" + name;
}
