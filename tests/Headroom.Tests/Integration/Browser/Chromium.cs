using System.Diagnostics;

namespace Headroom.Tests.Integration.Browser;

/// <summary>
/// A headless Debian chromium driven over the DevTools protocol. Started with the flags that keep it
/// quiet on a machine without network (no background networking, component updates or sync) and a
/// fresh profile; the protocol's port is read from <c>DevToolsActivePort</c> in that profile.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, DevToolsConnection connection)
    {
        _process = process;
        _profile = profile;
        Connection = connection;
    }

    public DevToolsConnection Connection { get; }

    /// <summary>The browser executable: <c>HEADROOM_CHROMIUM</c>, else <c>chromium</c> or <c>chromium-browser</c> on PATH; null when none.</summary>
    public static string? FindExecutable()
    {
        string? given = Environment.GetEnvironmentVariable("HEADROOM_CHROMIUM");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in (string[])["chromium", "chromium-browser"])
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Starts the browser, or skips the test (fails it under HEADROOM_REQUIRE_INTEGRATION=1) when there is none.</summary>
    public static async Task<Chromium> StartAsync(CancellationToken cancellationToken)
    {
        string? executable = FindExecutable();
        if (executable is null)
        {
            IntegrationEnvironment.Unavailable("no chromium on PATH (apt-get install chromium, or set HEADROOM_CHROMIUM)");
        }

        string profile = Path.Combine(Path.GetTempPath(), "headroom-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "--hide-scrollbars", "about:blank",
        ])
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            string portFile = Path.Combine(profile, "DevToolsActivePort");
            var waited = Stopwatch.StartNew();
            string[]? lines = null;
            while (lines is null)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"chromium exited with code {process.ExitCode} before opening its DevTools port");
                }

                if (waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("chromium did not write DevToolsActivePort within 60 s");
                }

                if (File.Exists(portFile) && File.ReadAllLines(portFile) is { Length: >= 2 } read && read[1].Length > 0)
                {
                    lines = read;
                    break;
                }

                await Task.Delay(50, cancellationToken);
            }

            var endpoint = new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}");
            DevToolsConnection connection = await DevToolsConnection.ConnectAsync(endpoint, cancellationToken);
            return new Chromium(process, profile, connection);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Opens a new tab and attaches to it.</summary>
    public async Task<BrowserPage> NewPageAsync(CancellationToken cancellationToken)
    {
        var created = await Connection.SendAsync("Target.createTarget", new { url = "about:blank" }, null, cancellationToken);
        string targetId = created.GetProperty("targetId").GetString()!;
        var attached = await Connection.SendAsync("Target.attachToTarget", new { targetId, flatten = true }, null, cancellationToken);
        var page = new BrowserPage(Connection, targetId, attached.GetProperty("sessionId").GetString()!);
        await page.InitializeAsync(cancellationToken);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Connection.SendAsync("Browser.close", new { }, null, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or System.Net.WebSockets.WebSocketException or IOException)
        {
        }

        await Connection.DisposeAsync();
        if (!_process.WaitForExit(5000))
        {
            Kill(_process);
        }

        _process.Dispose();
        TryDelete(_profile);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
