using Headroom.Reports;

namespace Headroom.Images;

/// <summary>
/// Collects the final filesystem's files by the layer that wrote them and by folder, for the HTML
/// report's treemap: the root is the image, its children the layers (<c>layer 2: pip install …</c>),
/// below them the folders and files, and in each layer the bytes that later layers hide
/// (<c>(hidden by later layers)</c>, category <c>reclaimable</c>), so the tree sums to the image's bytes.
/// </summary>
internal sealed class ImageSizeTree
{
    /// <summary>The category of bytes that no one can see (the treemap colours them apart).</summary>
    public const string Reclaimable = "reclaimable";

    private readonly SizeTreeBuilder _builder;
    private readonly SizeTreeBuilder.Folder[] _layers;
    private readonly IReadOnlyList<LayerReport> _reports;
    private readonly Dictionary<(int Layer, string Dir), SizeTreeBuilder.Folder> _folders = [];

    public ImageSizeTree(string name, ResolvedImage image, IReadOnlyList<LayerReport> layers)
    {
        _builder = new SizeTreeBuilder(name);
        _reports = layers;
        _layers = new SizeTreeBuilder.Folder[image.Layers.Count];
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i] = _builder.Root.Child(LayerName(i, layers[i].CreatedBy));
        }
    }

    /// <summary>A layer's node name: <c>layer 1: apt-get install -y jq</c> (the shell prefix dropped, on one line, cut at 70 characters).</summary>
    public static string LayerName(int index, string? createdBy)
    {
        string command = (createdBy ?? string.Empty).Trim();
        foreach (string prefix in (string[])["/bin/sh -c #(nop) ", "/bin/sh -c ", "|"])
        {
            if (command.StartsWith(prefix, StringComparison.Ordinal))
            {
                command = command[prefix.Length..].TrimStart();
            }
        }

        return command.Length == 0 ? $"layer {index}" : $"layer {index}: {ImageReportWriter.OneLine(command, 70)}";
    }

    /// <summary>A visible file (called by the final walk).</summary>
    public void Add(FsNode file, string dirPath, long size, string? category)
    {
        if (file.Layer < 0 || file.Layer >= _layers.Length)
        {
            return;
        }

        if (!_folders.TryGetValue((file.Layer, dirPath), out SizeTreeBuilder.Folder? folder))
        {
            folder = _layers[file.Layer];
            foreach (string part in dirPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                folder = folder.Child(part);
            }

            _folders[(file.Layer, dirPath)] = folder;
        }

        folder.AddFile(file.Name, size, category);
    }

    public SizeNode Build()
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            long hidden = _reports[i].Bytes - _layers[i].Bytes;
            if (hidden > 0)
            {
                _layers[i].AddFile("(hidden by later layers)", hidden, Reclaimable);
            }
        }

        _folders.Clear();
        return _builder.Build(SizeTreeLimits.Default with { CollapseFromDepth = 2 });
    }
}
