using System.Runtime.InteropServices;

namespace Headroom.Images;

/// <summary>
/// zstd decompression through the system's libzstd (<c>libzstd.so.1</c>, present wherever dpkg or
/// the zstd tool is), about three times faster than the managed decoder; <see cref="BlobStreams"/>
/// falls back to ZstdSharp when the library cannot be loaded. Streaming API of zstd.h:
/// <c>ZSTD_createDStream</c>, <c>ZSTD_decompressStream</c> (returns 0 when a frame is complete and
/// flushed; concatenated frames continue), <c>ZSTD_isError</c>/<c>ZSTD_getErrorName</c>. A stream
/// that ends inside a frame throws <see cref="EndOfStreamException"/>; a corrupt one
/// <see cref="InvalidDataException"/> with zstd's message.
/// </summary>
internal sealed class NativeZstdStream : ReadOnlyStream
{
    private const string Library = "libzstd.so.1";
    private static readonly Lazy<bool> Loaded = new(Probe);
    private readonly Stream _inner;
    private readonly byte[] _in;
    private readonly byte[] _out;
    private readonly IntPtr _inPtr;
    private readonly IntPtr _outPtr;
    private IntPtr _stream;
    private InBuffer _input;
    private int _outPos;
    private int _outEnd;
    private bool _frameOpen;
    private bool _innerDone;

    public NativeZstdStream(Stream inner)
    {
        _inner = inner;
        _stream = ZSTD_createDStream();
        if (_stream == IntPtr.Zero)
        {
            throw new InvalidDataException("zstd: ZSTD_createDStream failed");
        }

        Check(ZSTD_initDStream(_stream));
        _in = GC.AllocateArray<byte>((int)Math.Min(ZSTD_DStreamInSize(), 1 << 20), pinned: true);
        _out = GC.AllocateArray<byte>((int)Math.Min(ZSTD_DStreamOutSize(), 1 << 20), pinned: true);
        _inPtr = Marshal.UnsafeAddrOfPinnedArrayElement(_in, 0);
        _outPtr = Marshal.UnsafeAddrOfPinnedArrayElement(_out, 0);
        _input = new InBuffer { Src = _inPtr };
    }

    /// <summary>Whether libzstd can be loaded here (checked once).</summary>
    public static bool IsAvailable => Loaded.Value;

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_stream == IntPtr.Zero, this);
        while (_outPos == _outEnd)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (_input.Pos == _input.Size)
            {
                int n = _innerDone ? 0 : _inner.Read(_in);
                if (n == 0)
                {
                    _innerDone = true;
                    if (_frameOpen)
                    {
                        throw new EndOfStreamException("zstd stream ends inside a frame");
                    }

                    return 0;
                }

                _input.Size = (nuint)n;
                _input.Pos = 0;
            }

            var output = new OutBuffer { Dst = _outPtr, Size = (nuint)_out.Length };
            nuint hint = ZSTD_decompressStream(_stream, ref output, ref _input);
            Check(hint);
            _frameOpen = hint != 0;
            _outPos = 0;
            _outEnd = (int)output.Pos;
        }

        int count = Math.Min(buffer.Length, _outEnd - _outPos);
        _out.AsSpan(_outPos, count).CopyTo(buffer);
        _outPos += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (_stream != IntPtr.Zero)
        {
            _ = ZSTD_freeDStream(_stream);
            _stream = IntPtr.Zero;
        }

        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Check(nuint code)
    {
        if (ZSTD_isError(code) != 0)
        {
            throw new InvalidDataException(Marshal.PtrToStringUTF8(ZSTD_getErrorName(code)) ?? "zstd error");
        }
    }

    private static bool Probe()
    {
        try
        {
            return ZSTD_versionNumber() >= 10400; // the streaming API used here is stable since 1.4
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct InBuffer
    {
        public IntPtr Src;
        public nuint Size;
        public nuint Pos;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct OutBuffer
    {
        public IntPtr Dst;
        public nuint Size;
        public nuint Pos;
    }

    [DllImport(Library)]
    private static extern uint ZSTD_versionNumber();

    [DllImport(Library)]
    private static extern IntPtr ZSTD_createDStream();

    [DllImport(Library)]
    private static extern nuint ZSTD_freeDStream(IntPtr zds);

    [DllImport(Library)]
    private static extern nuint ZSTD_initDStream(IntPtr zds);

    [DllImport(Library)]
    private static extern nuint ZSTD_DStreamInSize();

    [DllImport(Library)]
    private static extern nuint ZSTD_DStreamOutSize();

    [DllImport(Library)]
    private static extern nuint ZSTD_decompressStream(IntPtr zds, ref OutBuffer output, ref InBuffer input);

    [DllImport(Library)]
    private static extern uint ZSTD_isError(nuint code);

    [DllImport(Library)]
    private static extern IntPtr ZSTD_getErrorName(nuint code);
}
