using Headroom.Cli;
using Headroom.Tests.Images;

namespace Headroom.Tests.Cli;

/// <summary>
/// <c>headroom image</c> end to end through <see cref="CliApp"/> with a faked process: the progress line
/// reaches stderr only when stderr is a terminal and <c>CI</c> is not set; otherwise stderr stays empty
/// and stdout is the same plain report. The fake clock fires the progress timer at once, so nothing
/// here waits on time.
/// </summary>
public sealed class ImageProgressOutputTests
{
    private static (CliResult Result, string Expected) Run(bool terminal, string? ci)
    {
        byte[] archive = ImageFixture.TarOf(ImageAnalyzerTests.Standard().DockerClassicFiles(), "manifest.json");
        using var stdin = new NonSeekableStream(archive);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(() => stdin, terminal, ci, new FiringTimeProvider());
        int code = CliApp.Run(["image", "-"], stdout, stderr, host);
        CliResult plain = CliRunner.RunWithInput(new NonSeekableStream(archive), "image", "-");
        return (new CliResult(code, stdout.ToString(), stderr.ToString()), plain.Out);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "true")]
    [InlineData(true, "true")]
    [InlineData(true, "1")]
    public void Not_a_terminal_or_CI_set_gives_no_progress_and_the_plain_report(bool terminal, string? ci)
    {
        (CliResult result, string expected) = Run(terminal, ci);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(expected, result.Out);
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void A_terminal_outside_CI_gets_the_progress_line_on_stderr_erased_at_the_end(string? ci)
    {
        (CliResult result, string expected) = Run(true, ci);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("\rheadroom: reading stdin: ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", result.Error, StringComparison.Ordinal);
        Assert.Equal(expected, result.Out);
    }

    /// <summary>A clock whose timers fire once, at creation, and never again.</summary>
    private sealed class FiringTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return new StoppedTimer();
        }
    }

    private sealed class StoppedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
