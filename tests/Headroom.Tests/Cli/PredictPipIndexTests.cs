using System.Net;
using System.Text.Json;
using Headroom.Cli;
using Headroom.Tests.Images;
using Headroom.Tests.Prediction;

namespace Headroom.Tests.Cli;

/// <summary>
/// <c>headroom predict</c> with the pip packages resolved on an index (an in-process server) that fails in each way
/// the brief lists: the command still predicts (exit 0), falls back to the embedded knowledge for what could not be
/// sized, marks it estimated and says so in one note naming the file and line or the index.
/// </summary>
public sealed class PredictPipIndexTests : IDisposable
{
    private const string Dockerfile = """
        FROM python:3.12-slim
        WORKDIR /app
        COPY . .
        RUN pip install --no-cache-dir -r requirements.txt
        """;

    private readonly PipIndexFixture _index = new();
    private readonly TempDir _dir = new();

    public PredictPipIndexTests()
    {
        // PEP 658 metadata files: a wheel whose zip is corrupt can still be resolved, only not sized from its directory.
        _index.Pep658 = true;
        _index.Add(PipIndexFixture.PyPI, "app", "1.0", "lib>=1", payload: 50_000);
        _index.Add(PipIndexFixture.PyPI, "lib", "2.0", payload: 30_000);
        _dir.File("Dockerfile", System.Text.Encoding.UTF8.GetBytes(Dockerfile));
    }

    public void Dispose() => _dir.Dispose();

    private CliResult Run(string requirements, params string[] extra)
    {
        _dir.File("requirements.txt", System.Text.Encoding.UTF8.GetBytes($"--index-url {PipIndexFixture.PyPI}\n" + requirements));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(() => Stream.Null, ErrorIsTerminal: false, Ci: null, TimeProvider.System) { Network = false, PackageIndexFetcher = _index.Fetcher };
        int code = CliApp.Run(["predict", _dir.Path, .. extra], stdout, stderr, host);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement[] Components(CliResult json) =>
        [.. JsonDocument.Parse(json.Out).RootElement.GetProperty("predictions")[0].GetProperty("components").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "pip")];

    private static bool Exact(JsonElement[] components, string name) =>
        components.Single(c => c.GetProperty("name").GetString() == name).GetProperty("exact").GetBoolean();

    [Fact]
    public void A_healthy_index_gives_exact_sizes()
    {
        CliResult result = Run("app==1.0\n");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains($"{Headroom.Text.ByteSize.Format(_index.Installed("app-1.0-py3-none-any.whl"))}  pip   line 4    app 1.0\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[embedded knowledge]", result.Out, StringComparison.Ordinal);

        JsonElement[] json = Components(Run("app==1.0\n", "--format", "json"));
        Assert.True(Exact(json, "app") && Exact(json, "lib"));
    }

    public static TheoryData<string> IndexFaults => ["500", "truncated-json", "truncated-html", "hang"];

    [Theory]
    [MemberData(nameof(IndexFaults))]
    public void An_index_that_fails_leaves_the_knowledge_and_one_note_naming_it(string fault)
    {
        _index.Server.Hook = async (request, _) =>
        {
            if (request.RequestUri!.AbsoluteUri != PipIndexFixture.PyPI + "app/")
            {
                return null;
            }

            switch (fault)
            {
                case "500":
                    return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("boom") };
                case "hang":
                    await Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken);
                    return null;
                default:
                    bool json = fault == "truncated-json";
                    string body = json ? """{"meta":{"api-version":"1.1"},"name":"app","files":[{"filename":"app-1.0-py3""" : """<!DOCTYPE html><html><body><a href="https://files.test/app-1.0-py3-none-any.wh""";
                    var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) };
                    response.Content.Headers.ContentType = new(json ? "application/vnd.pypi.simple.v1+json" : "text/html");
                    return response;
            }
        };

        CliResult result = Run("app==1.0\n");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        string note = Assert.Single(result.Out.Split('\n'), l => l.Contains("pip packages sized from the embedded knowledge", StringComparison.Ordinal));
        Assert.StartsWith("  - Dockerfile:4: pip packages sized from the embedded knowledge: index https://pypi.test/simple/app/: ", note, StringComparison.Ordinal);
        Assert.Contains("~10 MB  pip   line 4    app 1.0\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("lib 2.0", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_zip_directory_is_sized_from_its_download_and_says_so()
    {
        _index.Replace("lib-2.0-py3-none-any.whl", PipIndexFixture.Corrupt(_index.Wheels["lib-2.0-py3-none-any.whl"]));

        CliResult result = Run("app==1.0\n");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Matches(@"~[\d.]+ kB  pip   line 4    lib 2\.0\n +lib-2\.0-py3-none-any\.whl from https://pypi\.test/simple/, required by app: [\d.]+ kB download \(the index's listing\) × 2\.5 installed, estimated: wheel https://files\.test/lib-2\.0-py3-none-any\.whl: corrupt zip", result.Out);
        JsonElement[] json = Components(Run("app==1.0\n", "--format", "json"));
        Assert.False(Exact(json, "lib"));
        Assert.True(Exact(json, "app"));
    }

    [Theory]
    [InlineData("app==1.0\nthis is not ! a requirement\n", "  - requirements.txt:3: invalid requirement", ": that line is assumed to install 10 MB\n", "requirements.txt:3 (unreadable line)")]
    [InlineData("-r extra/missing.txt\napp==1.0\n", "  - requirements.txt:2: requirements file 'extra/missing.txt' not found", ": its packages are not counted\n", "requirements not found")]
    public void A_bad_requirements_file_is_named_and_estimated_while_the_rest_resolves(string requirements, string note, string noteEnd, string component)
    {
        CliResult result = Run(requirements);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains(note, result.Out, StringComparison.Ordinal);
        Assert.Contains(noteEnd, result.Out, StringComparison.Ordinal);
        JsonElement[] json = Components(Run(requirements, "--format", "json"));
        Assert.True(Exact(json, "app"));
        Assert.False(Exact(json, component));
    }

    [Fact]
    public void Offline_asks_no_index()
    {
        CliResult result = Run("app==1.0\n", "--offline");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[embedded knowledge]", result.Out, StringComparison.Ordinal);
        Assert.Empty(_index.Server.Log);
    }
}
