using System.Text;
using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

public sealed class ManifestTests
{
    internal const string IndexJson = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:aaaa","size":10,"platform":{"architecture":"amd64","os":"linux"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:bbbb","size":10,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:cccc","size":10,"platform":{"architecture":"unknown","os":"unknown"},
           "annotations":{"vnd.docker.reference.type":"attestation-manifest"}}]}
        """;

    [Fact]
    public void Parses_a_manifest()
    {
        const string json = """
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:c0","size":7},
             "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"sha256:l1","size":100},
                       {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"sha256:l2","size":200}]}
            """;
        ImageManifest m = ImageManifest.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal(ManifestMediaTypes.DockerManifest, m.MediaType);
        Assert.Equal("sha256:c0", m.Config.Digest);
        Assert.Equal(["sha256:l1", "sha256:l2"], m.Layers.Select(l => l.Digest));
        Assert.Equal(300, m.Layers.Sum(l => l.Size));
    }

    [Fact]
    public void Bad_manifests_are_format_errors()
    {
        Assert.Throws<FormatException>(() => ImageManifest.Parse(Encoding.UTF8.GetBytes("{")));
        Assert.Throws<FormatException>(() => ImageManifest.Parse(Encoding.UTF8.GetBytes("{\"layers\":[]}")));
    }

    [Fact]
    public void Index_selects_platforms_and_leaves_attestations_out()
    {
        ImageIndex index = ImageIndex.Parse(Encoding.UTF8.GetBytes(IndexJson));
        Assert.Equal("sha256:aaaa", index.Select(ImagePlatform.Default)?.Digest);
        Assert.Equal("sha256:bbbb", index.Select(ImagePlatform.Parse("linux/arm64"))?.Digest);
        Assert.Null(index.Select(ImagePlatform.Parse("linux/s390x")));
        Assert.Equal("linux/amd64, linux/arm64/v8", index.DescribePlatforms());
    }

    [Fact]
    public void Digests_are_sha256_hex()
    {
        byte[] data = Encoding.UTF8.GetBytes("abc");
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.Sha256(data));
        Assert.True(Digests.Matches("sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", data));
        Assert.False(Digests.Matches("md5:900150983cd24fb0d6963f7d28e17f72", data));
    }
}
