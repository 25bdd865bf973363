using DiffPlex;
using DiffPlex.Model;

namespace Headroom.Rules.Fixing;

/// <summary>A unified diff (as <c>diff -u</c> and <c>git apply</c> read it) of one file, for <c>fix --dry-run</c>. Line differences come from DiffPlex.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <param name="output">Where to write.</param>
    /// <param name="path">The file, relative to the root.</param>
    /// <param name="before">The old text; null when the file is created.</param>
    /// <param name="after">The new text.</param>
    public static void Write(TextWriter output, string path, string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(after);
        DiffResult diff = Differ.Instance.CreateLineDiffs(before ?? string.Empty, after, ignoreWhitespace: false, ignoreCase: false);
        string[] a = before is null ? [] : Lines(diff.PiecesOld, before);
        string[] b = Lines(diff.PiecesNew, after);
        output.WriteLine(before is null ? "--- /dev/null" : $"--- a/{path}");
        output.WriteLine($"+++ b/{path}");

        List<DiffBlock> blocks = [.. diff.DiffBlocks];
        int i = 0;
        while (i < blocks.Count)
        {
            // Blocks whose context windows touch form one hunk.
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context)
            {
                j++;
            }

            int startA = Math.Max(0, blocks[i].DeleteStartA - Context);
            int startB = Math.Max(0, blocks[i].InsertStartB - Context);
            int endA = Math.Min(a.Length, blocks[j].DeleteStartA + blocks[j].DeleteCountA + Context);
            int endB = Math.Min(b.Length, blocks[j].InsertStartB + blocks[j].InsertCountB + Context);
            output.WriteLine($"@@ -{Range(startA, endA - startA)} +{Range(startB, endB - startB)} @@");

            int lineA = startA;
            for (int k = i; k <= j; k++)
            {
                DiffBlock block = blocks[k];
                for (; lineA < block.DeleteStartA; lineA++)
                {
                    output.WriteLine(" " + a[lineA]);
                }

                // A block may count DiffPlex's last empty piece, which Lines() leaves out.
                for (int d = 0; d < block.DeleteCountA && block.DeleteStartA + d < a.Length; d++)
                {
                    output.WriteLine("-" + a[block.DeleteStartA + d]);
                }

                for (int n = 0; n < block.InsertCountB && block.InsertStartB + n < b.Length; n++)
                {
                    output.WriteLine("+" + b[block.InsertStartB + n]);
                }

                lineA = block.DeleteStartA + block.DeleteCountA;
            }

            for (; lineA < endA; lineA++)
            {
                output.WriteLine(" " + a[lineA]);
            }

            i = j + 1;
        }
    }

    /// <summary>DiffPlex gives a text ending in a newline a last empty piece; a diff has no such line.</summary>
    private static string[] Lines(IReadOnlyList<string> pieces, string text) =>
        text.EndsWith('\n') && pieces.Count > 0 && pieces[^1].Length == 0 ? [.. pieces.Take(pieces.Count - 1)] : [.. pieces];

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";
}
