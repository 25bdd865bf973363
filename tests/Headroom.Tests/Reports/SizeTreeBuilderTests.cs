using Headroom.Reports;
using Headroom.Reports.Html;

namespace Headroom.Tests.Reports;

public sealed class SizeTreeBuilderTests
{
    [Fact]
    public void Folders_sum_their_files_largest_first_with_a_shared_category()
    {
        var builder = new SizeTreeBuilder("image");
        builder.AddFile(builder.Root, "var/lib/apt/lists/a", 300, "apt-lists");
        builder.AddFile(builder.Root, "var/lib/apt/lists/b", 200, "apt-lists");
        builder.AddFile(builder.Root, "var/lib/dpkg/status", 50, null);
        builder.AddFile(builder.Root, "usr/bin/tool", 1000, null);

        SizeNode root = builder.Build(new SizeTreeLimits(CollapseFromDepth: 99));

        Assert.Equal(1550, root.Bytes);
        Assert.Equal(["usr", "var"], root.Children.Select(c => c.Name));
        SizeNode lib = root.Children[1].Children.Single();
        Assert.Null(lib.Category);
        Assert.Equal(["apt", "dpkg"], lib.Children.Select(c => c.Name));
        Assert.Equal("apt-lists", lib.Children[0].Category);
        Assert.Equal("apt-lists", lib.Children[0].Children.Single().Category);
    }

    [Fact]
    public void Small_files_and_entries_past_the_limit_merge_into_one_node()
    {
        var builder = new SizeTreeBuilder("root");
        builder.AddFile(builder.Root, "big/blob", 1_000_000, null);
        for (int i = 0; i < 100; i++)
        {
            builder.AddFile(builder.Root, $"big/tiny{i:000}", 1, "pycache");
        }

        for (int i = 0; i < 60; i++)
        {
            builder.AddFile(builder.Root, $"many/f{i:00}", 1000, null);
        }

        SizeNode root = builder.Build(new SizeTreeLimits(MaxChildren: 40, MinFraction: 0.0001));

        SizeNode big = root.Children.Single(c => c.Name == "big");
        Assert.Equal(["blob", "(100 small files)"], big.Children.Select(c => c.Name));
        Assert.Equal(100, big.Children[1].Bytes);
        Assert.Equal("pycache", big.Children[1].Category);
        SizeNode many = root.Children.Single(c => c.Name == "many");
        Assert.Equal(41, many.Children.Count);
        Assert.Equal("(20 small files)", many.Children[^1].Name);
        Assert.Equal(20_000, many.Children[^1].Bytes);
        Assert.Equal(60_000, many.Children.Sum(c => c.Bytes));
    }

    [Fact]
    public void Deep_folders_end_at_the_depth_limit_and_single_folder_chains_collapse()
    {
        var builder = new SizeTreeBuilder("root");
        SizeTreeBuilder.Folder layer = builder.Root.Child("layer 0");
        builder.AddFile(layer, "usr/local/cuda/lib64/libcublas.so", 500, "cuda");
        builder.AddFile(layer, "usr/local/cuda/lib64/libcudnn.so", 400, "cuda");
        builder.AddFile(layer, string.Join('/', Enumerable.Range(0, 30).Select(i => "d" + i)) + "/deep", 100, null);

        SizeNode root = builder.Build(new SizeTreeLimits(MaxDepth: 5, CollapseFromDepth: 2));

        SizeNode top = root.Children.Single();
        Assert.Equal("layer 0", top.Name);
        SizeNode cuda = top.Children[0];
        Assert.Equal("usr/local/cuda/lib64", cuda.Name);
        Assert.Equal("cuda", cuda.Category);
        Assert.Equal(["libcublas.so", "libcudnn.so"], cuda.Children.Select(c => c.Name));
        Assert.True(Depth(root) <= 6, $"depth {Depth(root)}");
        Assert.Equal(1000, root.Bytes);
    }

    [Fact]
    public void A_fifty_thousand_file_image_gives_a_small_tree_with_every_byte()
    {
        var builder = new SizeTreeBuilder("image");
        var random = new Random(7);
        long total = 0;
        for (int i = 0; i < 50_000; i++)
        {
            long size = random.Next(10) == 0 ? random.Next(1, 5_000_000) : random.Next(1, 20_000);
            total += size;
            string path = $"layer {i % 4}/usr/lib/python3/site-packages/pkg{i % 400}/sub{i % 7}/module{i}.py";
            builder.AddFile(builder.Root, path, size, i % 3 == 0 ? "pycache" : null);
        }

        SizeNode root = builder.Build();

        Assert.Equal(total, root.Bytes);
        Assert.True(root.CountNodes() < 20_000, $"{root.CountNodes()} nodes");
        var page = new HtmlReport("big");
        page.Section("tree").Add(new Treemap("bytes", root));
        string html = page.ToString();
        Assert.True(html.Length < 2_000_000, $"{html.Length} characters");
        Assert.Equal(total, HtmlPage.Data(html).EnumerateObject().Single().Value.GetProperty("root").GetProperty("b").GetInt64());
    }

    private static int Depth(SizeNode node) => 1 + (node.Children.Count == 0 ? 0 : node.Children.Max(Depth));
}
