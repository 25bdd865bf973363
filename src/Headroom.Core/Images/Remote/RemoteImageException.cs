using System.Net;

namespace Headroom.Images.Remote;

/// <summary>
/// A registry or Docker Engine request that failed. The message is one line that starts with the
/// endpoint, e.g. <c>registry 127.0.0.1:5000: manifest unknown for repo/name:tag (404)</c> or
/// <c>docker-daemon unix:///var/run/docker.sock: no such image: app:1 (404)</c>; never the text of an
/// inner <see cref="HttpRequestException"/> or a stack trace. The CLI prints it and exits with 2.
/// </summary>
public sealed class RemoteImageException : Exception
{
    public RemoteImageException(string message, HttpStatusCode? statusCode = null, string? errorCode = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public RemoteImageException()
    {
    }

    public RemoteImageException(string message)
        : base(message)
    {
    }

    public RemoteImageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The HTTP status that the server answered, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The distribution API's error code (<c>MANIFEST_UNKNOWN</c>, <c>UNAUTHORIZED</c>, ...), when given.</summary>
    public string? ErrorCode { get; }
}
