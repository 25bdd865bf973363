namespace Headroom.Reports;

/// <summary>
/// A generic tree of bytes for pictures of where space goes (the HTML report's treemap): an image's
/// layers and folders, a prediction's components, a diff's before or after. A node's
/// <see cref="Bytes"/> is its own size for a leaf and the sum of its children otherwise (the builder
/// keeps it so; a hand-made tree should too).
/// </summary>
/// <param name="Name">What the node shows (a folder's name, <c>layer 2: RUN pip install …</c>, <c>(412 small files)</c>).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Category">A category to colour and highlight it by (<c>cuda</c>, <c>pip-cache</c>, <c>apt-lists</c>, a
/// prediction's <c>pip</c>, <c>base</c>...), or null; a folder gets one when all its bytes share it.</param>
/// <param name="Children">Its parts, largest first (empty for a leaf).</param>
public sealed record SizeNode(string Name, long Bytes, string? Category, IReadOnlyList<SizeNode> Children)
{
    /// <summary>A node without children.</summary>
    public static SizeNode Leaf(string name, long bytes, string? category = null) => new(name, bytes, category, []);

    /// <summary>A node whose bytes are its children's sum; children are sorted largest first, then by name.</summary>
    public static SizeNode Branch(string name, IEnumerable<SizeNode> children, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(children);
        List<SizeNode> list = [.. children.OrderByDescending(c => c.Bytes).ThenBy(c => c.Name, StringComparer.Ordinal)];
        return new SizeNode(name, list.Sum(c => c.Bytes), category ?? UniformCategory(list), list);
    }

    /// <summary>How many nodes the tree holds, this one included.</summary>
    public int CountNodes()
    {
        int count = 0;
        var stack = new Stack<SizeNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            SizeNode node = stack.Pop();
            count++;
            foreach (SizeNode child in node.Children)
            {
                stack.Push(child);
            }
        }

        return count;
    }

    private static string? UniformCategory(List<SizeNode> children)
    {
        string? category = null;
        foreach (SizeNode child in children)
        {
            if (child.Bytes == 0)
            {
                continue;
            }

            if (child.Category is null || (category is not null && category != child.Category))
            {
                return null;
            }

            category = child.Category;
        }

        return category;
    }
}
