using System.Security.Cryptography;

namespace Headroom.Images.Remote;

/// <summary>
/// A read-only stream over an HTTP body that owns the response, fails a read that stalls past a
/// timeout, turns transport errors into <see cref="RemoteImageException"/>, and optionally checks
/// the sha256 digest when the end is reached.
/// </summary>
internal sealed class BlobStream : ReadOnlyStream
{
    private readonly IDisposable _owner;
    private readonly Stream _inner;
    private readonly long? _length;
    private readonly string? _expectedDigest;
    private readonly IncrementalHash? _hash;
    private readonly TimeSpan _readTimeout;
    private readonly string _name;
    private long _position;
    private bool _verified;

    public BlobStream(IDisposable owner, Stream inner, long? length, string? expectedDigest, TimeSpan readTimeout, string name)
    {
        _owner = owner;
        _inner = inner;
        _length = length;
        _readTimeout = readTimeout;
        _name = name;
        if (expectedDigest is not null)
        {
            _expectedDigest = expectedDigest;
            _hash = expectedDigest.StartsWith("sha512:", StringComparison.Ordinal)
                ? IncrementalHash.CreateHash(HashAlgorithmName.SHA512)
                : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    public override long Length => _length ?? throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>
    /// A synchronous read on the calling thread (no sync-over-async: the analyzer reads layers on
    /// pool threads). A stall past the timeout disposes the body, which ends the blocked read.
    /// </summary>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        using var stall = new CancellationTokenSource(_readTimeout);
        int n;
        using (stall.Token.Register(static s => ((Stream)s!).Dispose(), _inner))
        {
            try
            {
                n = _inner.Read(buffer);
            }
            catch (Exception e) when (stall.IsCancellationRequested && e is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
            {
                throw Stalled();
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw Failed(e);
            }
        }

        return Advance(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_readTimeout);
        int n;
        try
        {
            n = await _inner.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Stalled();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw Failed(e);
        }

        return Advance(buffer.Span[..n]);
    }

    private RemoteImageException Stalled() => new($"{_name}: no data for {RegistryClient.Seconds(_readTimeout)} at byte {_position}");

    private RemoteImageException Failed(Exception e) => new($"{_name}: reading failed at byte {_position}: {RegistryClient.Describe(e)}", null, null, e);

    private int Advance(ReadOnlySpan<byte> read)
    {
        if (read.Length > 0)
        {
            _hash?.AppendData(read);
            _position += read.Length;
        }
        else
        {
            Finish();
        }

        return read.Length;
    }

    private void Finish()
    {
        if (_length is long expected && _position != expected)
        {
            throw new RemoteImageException($"{_name}: ended after {_position} of {expected} bytes");
        }

        if (_hash is not null && !_verified)
        {
            _verified = true;
            string prefix = _expectedDigest!.StartsWith("sha512:", StringComparison.Ordinal) ? "sha512:" : "sha256:";
            string actual = prefix + Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (!string.Equals(actual, _expectedDigest, StringComparison.OrdinalIgnoreCase))
            {
                throw new RemoteImageException($"{_name}: content does not match its digest (got {actual})");
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash?.Dispose();
            _owner.Dispose();
        }

        base.Dispose(disposing);
    }
}
