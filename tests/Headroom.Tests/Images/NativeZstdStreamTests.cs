using Headroom.Images;

namespace Headroom.Tests.Images;

/// <summary>The libzstd decoder gives the managed decoder's bytes, and its errors.</summary>
public sealed class NativeZstdStreamTests
{
    private static void RequireLibzstd()
    {
        if (!NativeZstdStream.IsAvailable)
        {
            Assert.Skip("libzstd.so.1 is not installed: the managed decoder is used");
        }
    }

    private static byte[] Payload(int size)
    {
        var rng = new Random(7);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++)
        {
            data[i] = (byte)(i % 97 < 60 ? 'a' + (i % 13) : rng.Next(256));
        }

        return data;
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(data).ToArray();
    }

    private static byte[] Decode(byte[] compressed, int chunk)
    {
        using var stream = new NativeZstdStream(new NonSeekableStream(compressed));
        using var result = new MemoryStream();
        byte[] buffer = new byte[chunk];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            result.Write(buffer, 0, n);
        }

        return result.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void Decodes_concatenated_frames_whatever_the_read_size(int chunk)
    {
        RequireLibzstd();
        byte[] a = Payload(3_000_000);
        byte[] b = Payload(70_000);
        byte[] compressed = [.. Compress(a), .. Compress(b)];

        byte[] decoded = Decode(compressed, chunk == 1 ? 7 : chunk);

        Assert.Equal([.. a, .. b], decoded);
    }

    [Fact]
    public void A_stream_that_ends_inside_a_frame_is_an_end_of_stream()
    {
        RequireLibzstd();
        byte[] compressed = Compress(Payload(500_000));

        Assert.Throws<EndOfStreamException>(() => Decode(compressed[..(compressed.Length / 2)], 65536));
    }

    [Fact]
    public void A_corrupt_stream_is_invalid_data_with_zstds_message()
    {
        RequireLibzstd();
        byte[] compressed = Compress(Payload(500_000));
        for (int i = 20; i < compressed.Length - 20; i += 7)
        {
            compressed[i] ^= 0x5A;
        }

        var ex = Assert.Throws<InvalidDataException>(() => Decode(compressed, 65536));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }
}
