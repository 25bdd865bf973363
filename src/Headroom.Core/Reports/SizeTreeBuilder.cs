namespace Headroom.Reports;

/// <summary>
/// Builds a <see cref="SizeNode"/> tree from many files: folders are made on demand, each file adds its
/// bytes to every folder above it, and <see cref="Build"/> cuts the detail down to
/// <see cref="SizeTreeLimits"/> (small entries merged into <c>(N small files)</c>).
/// </summary>
public sealed class SizeTreeBuilder
{
    public SizeTreeBuilder(string rootName)
    {
        Root = new Folder(rootName, null);
    }

    public Folder Root { get; }

    /// <summary>Adds a file under <paramref name="folder"/> by a <c>/</c>-separated path (folders made as needed).</summary>
    public void AddFile(Folder folder, string path, long bytes, string? category)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(path);
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return;
        }

        Folder dir = folder;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            dir = dir.Child(parts[i]);
        }

        dir.AddFile(parts[^1], bytes, category);
    }

    /// <summary>The tree, cut down to <paramref name="limits"/>.</summary>
    public SizeNode Build(SizeTreeLimits? limits = null)
    {
        limits ??= SizeTreeLimits.Default;
        long threshold = (long)(Root.Bytes * limits.MinFraction);
        return BuildNode(Root, 0, limits, threshold);
    }

    private static SizeNode BuildNode(Folder folder, int depth, SizeTreeLimits limits, long threshold)
    {
        string name = folder.Name;
        if (depth >= limits.CollapseFromDepth)
        {
            while (folder.Files.Count == 0 && folder.Folders.Count == 1)
            {
                folder = folder.Folders.Values.First();
                name = name + "/" + folder.Name;
            }
        }

        if (depth >= limits.MaxDepth || (folder.Folders.Count == 0 && folder.Files.Count == 0))
        {
            return SizeNode.Leaf(name, folder.Bytes, folder.Category);
        }

        var entries = new List<(string Name, long Bytes, long Files, string? Category, Folder? Folder)>(folder.Folders.Count + folder.Files.Count);
        foreach (Folder sub in folder.Folders.Values)
        {
            entries.Add((sub.Name, sub.Bytes, sub.FileCount, sub.Category, sub));
        }

        foreach ((string fileName, long fileBytes, string? fileCategory) in folder.Files)
        {
            entries.Add((fileName, fileBytes, 1, fileCategory, null));
        }

        entries.Sort(static (a, b) =>
        {
            int c = b.Bytes.CompareTo(a.Bytes);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        var children = new List<SizeNode>();
        int cut = 0;
        while (cut < entries.Count && cut < limits.MaxChildren && entries[cut].Bytes > 0 && entries[cut].Bytes >= threshold)
        {
            cut++;
        }

        if (entries.Count - cut == 1 && entries[cut].Bytes > 0)
        {
            cut++;
        }

        for (int i = 0; i < cut; i++)
        {
            var e = entries[i];
            children.Add(e.Folder is null ? SizeNode.Leaf(e.Name, e.Bytes, e.Category) : BuildNode(e.Folder, depth + 1, limits, threshold));
        }

        if (cut < entries.Count)
        {
            long bytes = 0;
            long files = 0;
            var category = new CategoryState();
            for (int i = cut; i < entries.Count; i++)
            {
                bytes += entries[i].Bytes;
                files += entries[i].Files;
                category.Add(entries[i].Category, entries[i].Bytes);
            }

            if (bytes > 0)
            {
                children.Add(SizeNode.Leaf(files == 1 ? "(1 small file)" : $"({files} small files)", bytes, category.Value));
            }
        }

        return new SizeNode(name, folder.Bytes, folder.Category, children);
    }

    /// <summary>A folder of the tree being built.</summary>
    public sealed class Folder
    {
        private CategoryState _category;

        internal Folder(string name, Folder? parent)
        {
            Name = name;
            Parent = parent;
        }

        public string Name { get; }

        public Folder? Parent { get; }

        /// <summary>The bytes of every file below it.</summary>
        public long Bytes { get; private set; }

        /// <summary>How many files are below it.</summary>
        public long FileCount { get; private set; }

        /// <summary>The category all its bytes share, or null.</summary>
        public string? Category => _category.Value;

        internal Dictionary<string, Folder> Folders { get; } = new(StringComparer.Ordinal);

        internal List<(string Name, long Bytes, string? Category)> Files { get; } = [];

        /// <summary>The sub-folder of that name, made when missing.</summary>
        public Folder Child(string name)
        {
            if (!Folders.TryGetValue(name, out Folder? child))
            {
                Folders[name] = child = new Folder(name, this);
            }

            return child;
        }

        /// <summary>Adds a file directly in this folder.</summary>
        public void AddFile(string name, long bytes, string? category)
        {
            Files.Add((name, bytes, category));
            for (Folder? f = this; f is not null; f = f.Parent)
            {
                f.Bytes += bytes;
                f.FileCount++;
                f._category.Add(category, bytes);
            }
        }
    }

    /// <summary>The one category of a set of files, or null when they have none or several (empty files do not count).</summary>
    private struct CategoryState
    {
        private bool _mixed;
        private string? _value;

        public readonly string? Value => _mixed ? null : _value;

        public void Add(string? category, long bytes)
        {
            if (bytes == 0 || _mixed)
            {
                return;
            }

            if (category is null || (_value is not null && _value != category))
            {
                _mixed = true;
                return;
            }

            _value = category;
        }
    }
}
