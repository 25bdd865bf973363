using Headroom.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Headroom.Tests.Cli;

/// <summary>When the progress line of <c>headroom image</c> is drawn: decided from injected facts
/// (terminal, CI variable) and a fake clock, without a terminal.</summary>
public sealed class ProgressLineTests
{
    private static CliHost Host(FakeTimeProvider time, bool terminal = true, string? ci = null) =>
        new(() => Stream.Null, terminal, ci, time);

    [Fact]
    public void Drawn_on_a_terminal_only_after_two_seconds_and_erased_at_the_end()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var line = ProgressLine.Start(Host(time), error, "image.tar");
        Assert.NotNull(line);
        line.SetTotal(1_000_000_000);
        line.Add(250_000_000);

        time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Equal(string.Empty, error.ToString());

        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal("\rheadroom: reading image.tar: 250 MB of 1 GB [#####...............] 25%\u001b[K", error.ToString());

        line.Add(250_000_000);
        time.Advance(ProgressLine.Interval);
        Assert.EndsWith("\rheadroom: reading image.tar: 500 MB of 1 GB [##########..........] 50%\u001b[K", error.ToString(), StringComparison.Ordinal);

        line.Dispose();
        Assert.EndsWith("\r\u001b[K", error.ToString(), StringComparison.Ordinal);
        string before = error.ToString();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(before, error.ToString());
    }

    [Fact]
    public void A_stream_of_unknown_size_counts_bytes_without_a_bar()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using var line = ProgressLine.Start(Host(time), error, "stdin")!;
        line.Add(3_500_000);

        time.Advance(ProgressLine.Delay);

        Assert.Equal("\rheadroom: reading stdin: 3.5 MB\u001b[K", error.ToString());
    }

    [Fact]
    public void A_small_input_never_shows_a_line_and_leaves_nothing_to_erase()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var line = ProgressLine.Start(Host(time), error, "small.tar")!;
        line.SetTotal(ProgressLine.LargeInput - 1);

        time.Advance(TimeSpan.FromSeconds(30));
        line.Dispose();

        Assert.Equal(string.Empty, error.ToString());
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "true")]
    [InlineData(true, "1")]
    [InlineData(false, "true")]
    public void No_line_when_stderr_is_not_a_terminal_or_in_ci(bool terminal, string? ci)
    {
        Assert.Null(ProgressLine.Start(Host(new FakeTimeProvider(), terminal, ci), TextWriter.Null, "image.tar"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    [InlineData("0")]
    public void A_ci_variable_that_says_no_keeps_the_line(string? ci)
    {
        Assert.NotNull(ProgressLine.Start(Host(new FakeTimeProvider(), true, ci), TextWriter.Null, "image.tar"));
    }

    [Fact]
    public void The_image_command_on_a_terminal_writes_nothing_to_stderr_for_a_fast_small_image()
    {
        // A terminal host whose clock does not reach the delay: no line, and the report is intact.
        var time = new FakeTimeProvider();
        using var dir = new Images.TempDir();
        string path = dir.File("image.tar", Images.ImageFixture.TarOf(Images.ImageAnalyzerTests.Standard().DockerClassicFiles()));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = CliApp.Run(["image", path, "--format", "json"], stdout, stderr, Host(time));

        Assert.Equal(0, code);
        Assert.StartsWith("{", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }
}
