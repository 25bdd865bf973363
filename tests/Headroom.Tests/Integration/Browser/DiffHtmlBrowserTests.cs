using Headroom.Diff;
using Headroom.Diff.Output;
using Headroom.Tests.Diff;
using Headroom.Tests.Images;

namespace Headroom.Tests.Integration.Browser;

/// <summary>
/// <c>headroom diff --format html</c> in a real browser: both treemaps drawn side by side on a desktop
/// and stacked on a phone, the headline figures in the DOM, and nothing requested from outside.
/// </summary>
public sealed class DiffHtmlBrowserTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private Chromium? _browser;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _browser = await Chromium.StartAsync(Token);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Theory]
    [InlineData(1280, 800, false)]
    [InlineData(390, 844, true)]
    public async Task The_before_and_after_treemaps_are_drawn_with_the_headline_figures(int width, int height, bool mobile)
    {
        DiffReport report = PredictionDiff.Compare(DiffModelTests.CudaPrediction(), DiffModelTests.CpuPrediction(), new DiffOptions { BeforeName = "HEAD~1:backend/Dockerfile", AfterName = "backend/Dockerfile" });
        string file = _dir.File("diff.html", []);
        using (var writer = new StreamWriter(file))
        {
            DiffHtmlWriter.Write(writer, report, "headroom test");
        }

        BrowserPage page = await _browser!.NewPageAsync(Token);
        await page.SetViewportAsync(width, height, mobile, Token);
        await page.NavigateAsync(new Uri(file).AbsoluteUri, Token);
        await page.WaitForAsync("document.documentElement.dataset.rendered === 'true'", Token);

        Assert.Equal(2, (await page.EvaluateAsync("document.querySelectorAll('.hr-column .hr-treemap').length", Token)).GetInt32());
        Assert.True((await page.EvaluateAsync("[...document.querySelectorAll('.hr-column .hr-tm-area')].every(a => a.querySelectorAll('.hr-tm-cell').length > 0)", Token)).GetBoolean(), "a treemap drew no cell");
        string figures = await page.TextAsync("document.querySelector('.hr-figures').innerText", Token);
        Assert.Contains(DiffFigures.Verdict(report.Size), figures, StringComparison.Ordinal);
        Assert.Contains("→", figures, StringComparison.Ordinal);
        Assert.True((await page.EvaluateAsync("document.documentElement.scrollWidth <= window.innerWidth", Token)).GetBoolean(), "the page scrolls sideways");
        PngImage image = PngImage.Decode(await page.ScreenshotAsync(Token));
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.True(image.CountColours(64) >= 16, "blank screenshot?");
        Assert.All(page.RequestedUrls, u => Assert.True(u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), $"request to {u}"));
        Assert.Empty(page.Errors);
    }
}
