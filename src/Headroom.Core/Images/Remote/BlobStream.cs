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

    protected override long ReadPosition => _position;

    public override int Read(Span<byte> buffer)
    {
        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            int n = ReadAsync(rented.AsMemory(0, buffer.Length)).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
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
            throw new RemoteImageException($"{_name}: no data for {RegistryClient.Seconds(_readTimeout)} at byte {_position}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RemoteImageException($"{_name}: reading failed at byte {_position}: {RegistryClient.Describe(e)}", null, null, e);
        }

        if (n > 0)
        {
            _hash?.AppendData(buffer.Span[..n]);
            _position += n;
        }
        else
        {
            Finish();
        }

        return n;
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
