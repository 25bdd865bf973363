using Headroom.Images.Tar;

namespace Headroom.Images;

/// <summary>A node of the merged filesystem. Names are interned, so repeated names cost one string.</summary>
internal sealed class FsNode
{
    public FsNode(string name, FsNode? parent, TarEntryKind kind, int layer)
    {
        Name = name;
        Parent = parent;
        Kind = kind;
        Layer = layer;
        if (kind == TarEntryKind.Directory)
        {
            Children = new Dictionary<string, FsNode>(StringComparer.Ordinal);
        }
    }

    public string Name { get; }

    public FsNode? Parent { get; }

    public Dictionary<string, FsNode>? Children { get; }

    public TarEntryKind Kind { get; }

    /// <summary>The layer that wrote this version.</summary>
    public int Layer { get; }

    public long Size { get; set; }

    /// <summary>A symlink's or hard link's target as stored.</summary>
    public string? Link { get; set; }

    /// <summary>For a hard link: the regular file it shares content with.</summary>
    public FsNode? HardTarget { get; set; }

    /// <summary>Set when this version is hidden (deleted, replaced or below a deleted folder).</summary>
    public bool Removed { get; set; }

    /// <summary>Buffered content of a package metadata file.</summary>
    public byte[]? Content { get; set; }

    public bool IsDirectory => Children is not null;

    public override string ToString() => FileTree.PathOf(this);
}

/// <summary>
/// The layered file index: layers are applied in order with overlay semantics. Within a layer,
/// whiteouts apply first and only to lower layers: <c>.wh.NAME</c> hides NAME and everything below
/// it, <c>.wh..wh..opq</c> hides everything that lower layers put in its folder. Then the layer's
/// entries are added in tar order: a file replaces a file (modified), a folder or file replaces the
/// other kind (everything below a replaced folder is removed), a path that did not exist is added.
/// A file re-added after a delete is simply visible again.
/// </summary>
internal sealed class FileTree
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;

    public FileTree()
    {
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        Root = new FsNode(string.Empty, null, TarEntryKind.Directory, 0);
    }

    public FsNode Root { get; }

    /// <summary>Every node that carries buffered metadata content, visible or not.</summary>
    public List<FsNode> MetadataNodes { get; } = [];

    /// <summary>Applies one layer; returns its non-directory entries added, modified and removed.</summary>
    public FileChangeCounts Apply(int layer, LayerScan scan)
    {
        int added = 0;
        int modified = 0;
        int removed = 0;
        foreach (ScanEntry e in scan.Entries)
        {
            if (e.Op == ScanOp.Whiteout)
            {
                FsNode? node = Find(e.Path);
                if (node is not null)
                {
                    removed += Detach(node);
                }
            }
            else if (e.Op == ScanOp.Opaque)
            {
                FsNode? dir = e.Path.Length == 0 ? Root : Find(e.Path);
                if (dir?.Children is { } children)
                {
                    foreach (FsNode child in children.Values)
                    {
                        removed += MarkRemoved(child);
                    }

                    children.Clear();
                }
            }
        }

        foreach (ScanEntry e in scan.Entries)
        {
            if (e.Op != ScanOp.Add)
            {
                continue;
            }

            FsNode dir = Root;
            string path = e.Path;
            int start = 0;
            while (true)
            {
                int slash = path.IndexOf('/', start);
                if (slash < 0)
                {
                    break;
                }

                ReadOnlySpan<char> part = path.AsSpan(start, slash - start);
                var lookup = dir.Children!.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.TryGetValue(part, out FsNode? next) || !next.IsDirectory)
                {
                    if (next is not null)
                    {
                        removed += Detach(next);
                    }

                    string name = Intern(part);
                    next = new FsNode(name, dir, TarEntryKind.Directory, layer);
                    dir.Children![name] = next;
                }

                dir = next;
                start = slash + 1;
            }

            ReadOnlySpan<char> last = path.AsSpan(start);
            var lastLookup = dir.Children!.GetAlternateLookup<ReadOnlySpan<char>>();
            lastLookup.TryGetValue(last, out FsNode? existing);
            if (e.Kind == TarEntryKind.Directory)
            {
                if (existing is { IsDirectory: true })
                {
                    continue;
                }

                if (existing is not null)
                {
                    removed += Detach(existing);
                }

                string dirName = Intern(last);
                dir.Children[dirName] = new FsNode(dirName, dir, TarEntryKind.Directory, layer);
                continue;
            }

            if (existing is null)
            {
                added++;
            }
            else if (existing.IsDirectory)
            {
                removed += Detach(existing);
                added++;
            }
            else
            {
                existing.Removed = true;
                modified++;
            }

            string fileName = existing?.Name ?? Intern(last);
            var node = new FsNode(fileName, dir, e.Kind, layer)
            {
                Size = e.Kind == TarEntryKind.Regular ? e.Size : 0,
                Link = e.Link,
                Content = e.Content,
            };
            if (e.Kind == TarEntryKind.HardLink && e.Link is not null && TarPath.Normalize(e.Link) is string target
                && Find(target) is { Kind: TarEntryKind.Regular } targetNode)
            {
                node.HardTarget = targetNode;
            }

            dir.Children[fileName] = node;
            if (node.Content is not null)
            {
                MetadataNodes.Add(node);
            }
        }

        return new FileChangeCounts(added, modified, removed);
    }

    /// <summary>Finds a node by normalised path without following symlinks.</summary>
    public FsNode? Find(string path)
    {
        FsNode node = Root;
        int start = 0;
        while (true)
        {
            if (node.Children is null)
            {
                return null;
            }

            int slash = path.IndexOf('/', start);
            ReadOnlySpan<char> part = slash < 0 ? path.AsSpan(start) : path.AsSpan(start, slash - start);
            if (!node.Children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(part, out FsNode? next))
            {
                return null;
            }

            if (slash < 0)
            {
                return next;
            }

            node = next;
            start = slash + 1;
        }
    }

    /// <summary>
    /// Finds a node by path, following symlinks in the folders on the way (not the last part), as
    /// the kernel would: dpkg lists <c>/bin/ls</c> where a usrmerged image has <c>/usr/bin/ls</c>.
    /// </summary>
    public FsNode? Resolve(string path)
    {
        var parts = new List<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        FsNode current = Root;
        int hops = 0;
        int i = 0;
        while (i < parts.Count)
        {
            string part = parts[i];
            if (part == ".")
            {
                i++;
                continue;
            }

            if (part == "..")
            {
                current = current.Parent ?? Root;
                i++;
                continue;
            }

            if (current.Children is null || !current.Children.TryGetValue(part, out FsNode? next))
            {
                return null;
            }

            if (next.Kind == TarEntryKind.Symlink && i < parts.Count - 1)
            {
                if (++hops > 40 || next.Link is null)
                {
                    return null;
                }

                var rest = parts.GetRange(i + 1, parts.Count - i - 1);
                parts = [.. next.Link.Split('/', StringSplitOptions.RemoveEmptyEntries), .. rest];
                if (next.Link.StartsWith('/'))
                {
                    current = Root;
                }

                i = 0;
                continue;
            }

            current = next;
            i++;
        }

        return current;
    }

    /// <summary>The bytes a visible file holds: its size; 0 for a hard link unless the file it
    /// shares content with is no longer visible (then the link carries the content).</summary>
    public static long EffectiveSize(FsNode node) => node.Kind switch
    {
        TarEntryKind.Regular => node.Size,
        TarEntryKind.HardLink when node.HardTarget is { Removed: true } t => t.Size,
        _ => 0,
    };

    /// <summary><c>/usr/bin/x</c>.</summary>
    public static string PathOf(FsNode node)
    {
        var parts = new List<string>();
        for (FsNode? n = node; n?.Parent is not null; n = n.Parent)
        {
            parts.Add(n.Name);
        }

        parts.Reverse();
        return "/" + string.Join('/', parts);
    }

    /// <summary>True when the node is part of the final filesystem.</summary>
    public static bool IsVisible(FsNode node)
    {
        if (node.Removed)
        {
            return false;
        }

        for (FsNode n = node; n.Parent is not null; n = n.Parent)
        {
            if (!n.Parent.Children!.TryGetValue(n.Name, out FsNode? current) || current != n)
            {
                return false;
            }
        }

        return true;
    }

    private string Intern(ReadOnlySpan<char> name)
    {
        if (_nameLookup.TryGetValue(name, out string? existing))
        {
            return existing;
        }

        string s = name.ToString();
        _names.Add(s);
        return s;
    }

    private static int Detach(FsNode node)
    {
        node.Parent?.Children!.Remove(node.Name);
        return MarkRemoved(node);
    }

    /// <summary>Marks a subtree hidden; returns how many non-directory entries it held.</summary>
    private static int MarkRemoved(FsNode node)
    {
        int count = 0;
        var stack = new Stack<FsNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            FsNode n = stack.Pop();
            n.Removed = true;
            if (n.Children is null)
            {
                count++;
                continue;
            }

            foreach (FsNode c in n.Children.Values)
            {
                stack.Push(c);
            }
        }

        return count;
    }
}
