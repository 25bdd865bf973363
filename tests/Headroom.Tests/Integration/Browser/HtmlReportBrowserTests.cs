using System.Text.Json;
using Headroom.Tests.Cli;
using Headroom.Tests.Dockerfiles;
using Headroom.Tests.Images;
using Headroom.Tests.Reports;
using static Headroom.Tests.Images.Fx;

namespace Headroom.Tests.Integration.Browser;

/// <summary>
/// The HTML reports in a real browser (Debian's chromium, headless, over the DevTools protocol): the
/// DOM after the script ran, the keyboard, screenshots at a desktop and a phone size, and no request
/// leaving the page. One browser for the class; skipped with the reason when chromium is absent.
/// </summary>
public sealed class HtmlReportBrowserTests : IClassFixture<HtmlReportBrowserTests.Pages>, IAsyncLifetime
{
    /// <summary>A path (its slashes make folders) that would break a page pasting names into its script.</summary>
    public const string HostileName = "</script><script>window.pwned=1</script><!--x";

    private readonly Pages _pages;
    private Chromium? _browser;

    public HtmlReportBrowserTests(Pages pages)
    {
        _pages = pages;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _browser = await Chromium.StartAsync(Token);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    [Fact]
    public async Task Image_report_shows_its_layers_sizes_and_treemap_after_the_script_ran()
    {
        BrowserPage page = await OpenAsync(_pages.Image, 1280, 800, mobile: false);

        string[] boxes = Strings(await page.EvaluateAsync("[...document.querySelectorAll('.hr-treemap .hr-tm-area > .hr-tm-cell')].map(e => e.getAttribute('aria-label'))", Token));
        Assert.Contains(boxes, b => b.StartsWith("layer 0: ADD rootfs.tar /, 1.7 kB", StringComparison.Ordinal));
        Assert.Contains(boxes, b => b.StartsWith("layer 3: COPY app /app, ", StringComparison.Ordinal));
        string layers = await page.TextAsync("document.querySelector('.hr-bars').innerText", Token);
        Assert.Contains("layer 1: RUN cleanup", layers, StringComparison.Ordinal);
        Assert.Contains("130 B", layers, StringComparison.Ordinal);
        Assert.Equal("2 kB", await page.TextAsync("document.querySelector('.hr-figure-value').textContent", Token));

        // The hostile name is data: shown as text in the treemap, never run.
        await ZoomIntoAsync(page, "layer 3: COPY app /app");
        string[] inner = Strings(await page.EvaluateAsync("[...document.querySelectorAll('.hr-tm-cell')].map(e => e.title)", Token));
        Assert.Contains(inner, t => t.StartsWith("</script><script>window.pwned=1<, 64 B", StringComparison.Ordinal));
        Assert.Contains(inner, t => t.StartsWith("script><!--x, 64 B", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Undefined, (await page.EvaluateAsync("window.pwned", Token)).ValueKind);
        Assert.Equal(2, (await page.EvaluateAsync("document.scripts.length", Token)).GetInt32());
        AssertNothingLeft(page);
    }

    [Fact]
    public async Task The_treemap_works_by_keyboard()
    {
        BrowserPage page = await OpenAsync(_pages.Image, 1280, 800, mobile: false);
        const string Active = "document.activeElement";

        for (int i = 0; i < 60 && !(await page.EvaluateAsync($"{Active}.classList.contains('hr-tm-cell')", Token)).GetBoolean(); i++)
        {
            await page.PressAsync("Tab", Token);
        }

        string focused = await page.TextAsync($"{Active}.getAttribute('aria-label') || ''", Token);
        Assert.StartsWith("layer 0: ADD rootfs.tar /", focused, StringComparison.Ordinal);
        await page.PressAsync("Enter", Token);
        Assert.Equal("1", await page.TextAsync("document.querySelector('.hr-treemap').dataset.level", Token));
        Assert.Equal("layer 0: ADD rootfs.tar /", await page.TextAsync("document.querySelector('.hr-treemap').dataset.current", Token));
        string[] children = Strings(await page.EvaluateAsync("[...document.querySelectorAll('.hr-tm-area > .hr-tm-cell')].map(e => e.getAttribute('aria-label'))", Token));
        Assert.Contains(children, c => c.StartsWith("usr/bin, 1 kB", StringComparison.Ordinal));
        Assert.Contains(children, c => c.StartsWith("(hidden by later layers), 690 B", StringComparison.Ordinal));
        Assert.True((await page.EvaluateAsync($"{Active}.classList.contains('hr-tm-cell')", Token)).GetBoolean(), "focus stays in the treemap after zooming");

        await page.PressAsync("Escape", Token);
        Assert.Equal("0", await page.TextAsync("document.querySelector('.hr-treemap').dataset.level", Token));
        Assert.StartsWith("layer 0: ADD rootfs.tar /", await page.TextAsync($"{Active}.getAttribute('aria-label') || ''", Token), StringComparison.Ordinal);

        await page.PressAsync("Enter", Token);
        await page.PressAsync("Backspace", Token);
        Assert.Equal("0", await page.TextAsync("document.querySelector('.hr-treemap').dataset.level", Token));
        Assert.Empty(page.Errors);
    }

    [Theory]
    [InlineData(1280, 800, false)]
    [InlineData(390, 844, true)]
    public async Task Screenshots_are_drawn_and_the_page_fits_the_screen(int width, int height, bool mobile)
    {
        BrowserPage page = await OpenAsync(_pages.Image, width, height, mobile);
        await page.EvaluateAsync("document.querySelector('.hr-treemap').scrollIntoView()", Token);

        byte[] png = await page.ScreenshotAsync(Token);

        string path = Path.Combine(_pages.Folder, $"image-{width}x{height}.png");
        await File.WriteAllBytesAsync(path, png, Token);
        PngImage image = PngImage.Decode(await File.ReadAllBytesAsync(path, Token));
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.True(image.CountColours(64) >= 16, $"only {image.CountColours(64)} colours: blank?");
        Assert.True((await page.EvaluateAsync("document.documentElement.scrollWidth <= window.innerWidth", Token)).GetBoolean(), "the page scrolls sideways");
        Assert.True((await page.EvaluateAsync("document.querySelector('.hr-tm-area').clientWidth > 300", Token)).GetBoolean(), "the treemap has room");
    }

    [Fact]
    public async Task Check_report_lists_findings_with_excerpts_and_the_predictions()
    {
        BrowserPage page = await OpenAsync(_pages.Check, 1280, 800, mobile: false);

        string[] files = Strings(await page.EvaluateAsync("[...document.querySelectorAll('.hr-file > h3')].map(e => e.firstChild.textContent.trim())", Token));
        Assert.Contains("backend/Dockerfile", files);
        JsonElement df001 = await page.EvaluateAsync(
            "(() => { const a = document.querySelector('.hr-finding[data-rule=\"DF001\"]'); return { where: a.querySelector('.hr-where').textContent, marked: a.querySelector('mark').textContent, file: a.closest('.hr-file').querySelector('h3').firstChild.textContent.trim() }; })()",
            Token);
        Assert.Equal("backend/Dockerfile", df001.GetProperty("file").GetString());
        Assert.StartsWith("backend/Dockerfile:", df001.GetProperty("where").GetString(), StringComparison.Ordinal);
        Assert.Contains("pip install", df001.GetProperty("marked").GetString(), StringComparison.Ordinal);
        Assert.True((await page.EvaluateAsync("document.querySelectorAll('.hr-treemap[data-rendered=\"true\"]').length >= 1", Token)).GetBoolean(), "the prediction's treemap is drawn");
        string[] kinds = Strings(await page.EvaluateAsync("[...document.querySelector('.hr-treemap').querySelectorAll('.hr-tm-area > .hr-tm-cell')].map(e => e.getAttribute('aria-label'))", Token));
        Assert.Contains(kinds, k => k.StartsWith("pip, ", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.StartsWith("base, ", StringComparison.Ordinal));
        AssertNothingLeft(page);
    }

    [Fact]
    public async Task Predict_report_draws_components_against_the_budget()
    {
        BrowserPage page = await OpenAsync(_pages.Predict, 390, 844, mobile: true);

        string bars = await page.TextAsync("document.querySelector('.hr-bars').innerText", Token);
        Assert.Contains("budget github-ubuntu-latest", bars, StringComparison.Ordinal);
        Assert.Contains("peak build disk", bars, StringComparison.Ordinal);
        Assert.True((await page.EvaluateAsync("document.querySelectorAll('.hr-tm-cell.cat-cuda').length > 0", Token)).GetBoolean(), "the CUDA stack is coloured");
        await page.EvaluateAsync("document.querySelector('.hr-tm-legend button[data-hl-toggle=\"cuda\"]').click()", Token);
        Assert.True((await page.EvaluateAsync("document.body.classList.contains('hr-highlighting') && document.querySelectorAll('.hr-tm-cell.hr-hl').length > 0", Token)).GetBoolean(), "highlighting cuda marks its boxes");
        AssertNothingLeft(page);
    }

    private async Task<BrowserPage> OpenAsync(string file, int width, int height, bool mobile)
    {
        BrowserPage page = await _browser!.NewPageAsync(Token);
        await page.SetViewportAsync(width, height, mobile, Token);
        await page.NavigateAsync(new Uri(file).AbsoluteUri, Token);
        await page.WaitForAsync("document.documentElement.dataset.rendered === 'true'", Token);
        return page;
    }

    private static async Task ZoomIntoAsync(BrowserPage page, string name)
    {
        await page.EvaluateAsync($"[...document.querySelectorAll('.hr-tm-area > .hr-tm-cell')].find(e => e.getAttribute('aria-label').startsWith({JsonSerializer.Serialize(name)})).click()", Token);
        Assert.Equal(name, await page.TextAsync("document.querySelector('.hr-treemap').dataset.current", Token));
    }

    /// <summary>Only the page's own file was requested: nothing over the network, no data fetched from elsewhere.</summary>
    private void AssertNothingLeft(BrowserPage page)
    {
        IReadOnlyList<string> urls = page.RequestedUrls;
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.True(u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), $"request to {u}"));
        Assert.Empty(page.Errors);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];

    /// <summary>The three reports, written once by the CLI for every test of the class.</summary>
    public sealed class Pages : IDisposable
    {
        public Pages()
        {
            var fixture = new ImageFixture([.. ImageAnalyzerTests.Standard().Layers, new FxLayer([D("app"), F("app/" + HostileName, 64), F("app/main.py", "print('hi')\n")], CreatedBy: "COPY app /app")]);
            string archive = _dir.File("image.tar", ImageFixture.TarOf(fixture.DockerClassicFiles()));
            Image = Write("image", archive);
            string example = Path.Combine(ConformanceCorpus.RepositoryRoot(), "examples", "ml-backend");
            Check = Write("check", example, "--offline", "--fail-on", "never");
            Predict = Write("predict", Path.Combine(example, "backend"), "--offline", "--budget", "github-ubuntu-latest");
            foreach (string file in (string[])[Image, Check, Predict])
            {
                Assert.Empty(HtmlPage.ExternalReferences(File.ReadAllText(file)));
            }
        }

        private readonly TempDir _dir = new();

        /// <summary>The folder the pages (and the screenshots) are written to.</summary>
        public string Folder => _dir.Path;

        public string Image { get; }

        public string Check { get; }

        public string Predict { get; }

        public void Dispose() => _dir.Dispose();

        private string Write(string command, string input, params string[] more)
        {
            string output = Path.Combine(_dir.Path, command + ".html");
            CliResult result = CliRunner.Run([command, input, "--format", "html", "--output", output, .. more]);
            Assert.True(result.ExitCode is 0 or 1, $"{command}: exit {result.ExitCode}: {result.Error}");
            return output;
        }
    }
}
