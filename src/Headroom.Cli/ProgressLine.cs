using System.Globalization;
using Headroom.Text;

namespace Headroom.Cli;

/// <summary>
/// A progress line on stderr for long reads: <c>headroom: reading NAME: 1.2 GB of 2.5 GB [#####.....] 48%</c>,
/// redrawn in place and erased at the end. It is drawn only when stderr is a terminal and the
/// <c>CI</c> variable does not ask for plain output (see <see cref="CliHost.InCi"/>), only once
/// <see cref="Delay"/> has passed, and only for a large input: one whose size is unknown (a stream)
/// or at least <see cref="LargeInput"/>. Counts may be added from any thread.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    /// <summary>Nothing is drawn before this much time has passed.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    /// <summary>How often the line is redrawn.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Inputs with a known size below this never show a progress line.</summary>
    public const long LargeInput = 64L * 1024 * 1024;

    private const int BarWidth = 20;
    private readonly TextWriter _error;
    private readonly string _name;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private long _done;
    private long _total = -1;
    private bool _shown;
    private bool _disposed;

    private ProgressLine(CliHost host, TextWriter error, string name)
    {
        _error = error;
        _name = name;
        _timer = host.Time.CreateTimer(_ => Draw(), null, Delay, Interval);
    }

    /// <summary>A progress line, or null when this console gets none (not a terminal, or CI).</summary>
    public static ProgressLine? Start(CliHost host, TextWriter error, string name)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.ErrorIsTerminal && !host.InCi ? new ProgressLine(host, error, name) : null;
    }

    /// <summary>Adds bytes read.</summary>
    public void Add(long bytes) => Interlocked.Add(ref _done, bytes);

    /// <summary>Sets the number of bytes the whole input holds, once known.</summary>
    public void SetTotal(long bytes) => Interlocked.Exchange(ref _total, bytes);

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _disposed = true;
            if (_shown)
            {
                _error.Write("\r\u001b[K");
                _error.Flush();
            }
        }
    }

    /// <summary>The line for these counts (total -1: unknown).</summary>
    internal static string Render(string name, long done, long total)
    {
        if (total <= 0)
        {
            return $"headroom: reading {name}: {ByteSize.Format(done)}";
        }

        double fraction = Math.Clamp((double)done / total, 0, 1);
        int filled = (int)Math.Round(fraction * BarWidth);
        string percent = ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture);
        return $"headroom: reading {name}: {ByteSize.Format(done)} of {ByteSize.Format(total)} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent}%";
    }

    private void Draw()
    {
        long total = Interlocked.Read(ref _total);
        if (total >= 0 && total < LargeInput)
        {
            return;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _shown = true;
            _error.Write("\r" + Render(_name, Interlocked.Read(ref _done), total) + "\u001b[K");
            _error.Flush();
        }
    }
}
