using System.Text.Json;

namespace Headroom.Tests.Integration.Browser;

/// <summary>One tab of <see cref="Chromium"/>: navigate, evaluate script, press keys, set the viewport, take screenshots.</summary>
public sealed class BrowserPage
{
    private readonly DevToolsConnection _connection;
    private readonly string _targetId;

    internal BrowserPage(DevToolsConnection connection, string targetId, string sessionId)
    {
        _connection = connection;
        _targetId = targetId;
        SessionId = sessionId;
    }

    public string SessionId { get; }

    /// <summary>Every URL the page asked the network stack for (Network.requestWillBeSent), the page itself included.</summary>
    public IReadOnlyList<string> RequestedUrls =>
        [.. _connection.EventsOf(SessionId).Where(e => e.Method == "Network.requestWillBeSent").Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!)];

    /// <summary>Console errors and uncaught exceptions the page reported.</summary>
    public IReadOnlyList<string> Errors =>
        [.. _connection.EventsOf(SessionId)
            .Where(e => e.Method == "Runtime.exceptionThrown" || (e.Method == "Runtime.consoleAPICalled" && e.Params.GetProperty("type").GetString() == "error"))
            .Select(e => e.Params.GetRawText())];

    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SendAsync("Page.enable", new { }, cancellationToken);
        await SendAsync("Runtime.enable", new { }, cancellationToken);
        await SendAsync("Network.enable", new { }, cancellationToken);
    }

    public Task<JsonElement> SendAsync(string method, object parameters, CancellationToken cancellationToken) =>
        _connection.SendAsync(method, parameters, SessionId, cancellationToken);

    /// <summary>Opens a URL and waits for its load event.</summary>
    public async Task NavigateAsync(string url, CancellationToken cancellationToken)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEvent(string? session, string method, JsonElement parameters)
        {
            if (session == SessionId && method == "Page.loadEventFired")
            {
                loaded.TrySetResult();
            }
        }

        _connection.EventReceived += OnEvent;
        try
        {
            JsonElement result = await SendAsync("Page.navigate", new { url }, cancellationToken);
            if (result.TryGetProperty("errorText", out JsonElement error) && error.GetString() is { Length: > 0 } text)
            {
                throw new InvalidOperationException($"navigation to {url} failed: {text}");
            }

            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        finally
        {
            _connection.EventReceived -= OnEvent;
        }
    }

    /// <summary>Evaluates an expression (promises awaited) and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        JsonElement result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out JsonElement details))
        {
            throw new InvalidOperationException($"script failed: {details.GetRawText()}");
        }

        return result.GetProperty("result").TryGetProperty("value", out JsonElement value) ? value : default;
    }

    public async Task<string> TextAsync(string expression, CancellationToken cancellationToken) =>
        (await EvaluateAsync(expression, cancellationToken)).ToString();

    /// <summary>Waits until an expression is true (polling), or fails after 20 s.</summary>
    public async Task WaitForAsync(string expression, CancellationToken cancellationToken)
    {
        DateTime end = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await EvaluateAsync($"!!({expression})", cancellationToken)).ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (DateTime.UtcNow > end)
            {
                throw new TimeoutException($"still false after 20 s: {expression}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Sets the viewport (CSS pixels, scale 1); <paramref name="mobile"/> emulates a phone (meta viewport honoured).</summary>
    public async Task SetViewportAsync(int width, int height, bool mobile, CancellationToken cancellationToken)
    {
        await SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile }, cancellationToken);
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        JsonElement result = await SendAsync("Page.captureScreenshot", new { format = "png" }, cancellationToken);
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    /// <summary>Presses and releases a key (<c>Tab</c>, <c>Enter</c>, <c>Escape</c>, <c>Backspace</c>, arrows) as the keyboard would.</summary>
    public async Task PressAsync(string key, CancellationToken cancellationToken)
    {
        int code = key switch
        {
            "Tab" => 9,
            "Enter" => 13,
            "Escape" => 27,
            "Backspace" => 8,
            "ArrowLeft" => 37,
            "ArrowUp" => 38,
            "ArrowRight" => 39,
            "ArrowDown" => 40,
            _ => throw new ArgumentException($"unmapped key {key}", nameof(key)),
        };
        object down = key == "Enter"
            ? new { type = "keyDown", key, code = key, windowsVirtualKeyCode = code, nativeVirtualKeyCode = code, text = "\r" }
            : new { type = "rawKeyDown", key, code = key, windowsVirtualKeyCode = code, nativeVirtualKeyCode = code };
        await SendAsync("Input.dispatchKeyEvent", down, cancellationToken);
        await SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key, code = key, windowsVirtualKeyCode = code, nativeVirtualKeyCode = code }, cancellationToken);
    }

    public async Task CloseAsync(CancellationToken cancellationToken) =>
        await _connection.SendAsync("Target.closeTarget", new { targetId = _targetId }, null, cancellationToken);
}
