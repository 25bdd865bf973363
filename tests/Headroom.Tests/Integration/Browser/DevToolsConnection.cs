using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Headroom.Tests.Integration.Browser;

/// <summary>
/// A minimal Chrome DevTools protocol client over one WebSocket (flattened sessions): commands are
/// matched to responses by id; events are kept per session for the tests to read.
/// </summary>
public sealed class DevToolsConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<(string? SessionId, string Method, JsonElement Params)> _events = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextId;

    private DevToolsConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Raised (on the reader's thread) for every event.</summary>
    public event Action<string?, string, JsonElement>? EventReceived;

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(endpoint, cancellationToken);
        return new DevToolsConnection(socket);
    }

    /// <summary>Events received so far for a session (null: the browser's).</summary>
    public IReadOnlyList<(string Method, JsonElement Params)> EventsOf(string? sessionId) =>
        [.. _events.Where(e => e.SessionId == sessionId).Select(e => (e.Method, e.Params))];

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error becomes an exception.</summary>
    public async Task<JsonElement> SendAsync(string method, object parameters, string? sessionId, CancellationToken cancellationToken)
    {
        int id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new Dictionary<string, object?> { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            return await completion.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"DevTools command {method} got no answer within {CommandTimeout.TotalSeconds} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReadLoopAsync()
    {
        byte[] buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Dispatch(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }

        foreach (TaskCompletionSource<JsonElement> pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    private void Dispatch(string text)
    {
        using var doc = JsonDocument.Parse(text);
        JsonElement root = doc.RootElement;
        string? sessionId = root.TryGetProperty("sessionId", out JsonElement s) ? s.GetString() : null;
        if (root.TryGetProperty("id", out JsonElement idElement))
        {
            if (_pending.TryGetValue(idElement.GetInt32(), out TaskCompletionSource<JsonElement>? completion))
            {
                if (root.TryGetProperty("error", out JsonElement error))
                {
                    completion.TrySetException(new InvalidOperationException($"DevTools error: {error.GetRawText()}"));
                }
                else
                {
                    completion.TrySetResult(root.GetProperty("result").Clone());
                }
            }

            return;
        }

        string method = root.GetProperty("method").GetString()!;
        JsonElement parameters = root.TryGetProperty("params", out JsonElement p) ? p.Clone() : default;
        _events.Enqueue((sessionId, method, parameters));
        EventReceived?.Invoke(sessionId, method, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }
}
