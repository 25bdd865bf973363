using Headroom.Knowledge.Venv;
using Headroom.Prediction;
using Headroom.Rules;

namespace Headroom.Tests.Prediction;

/// <summary><c>python -m venv</c> seeds pip (and setuptools before 3.12) into the new environment; a COPY --from of the venv takes them along.</summary>
public sealed class VenvPredictionTests
{
    private static ImagePrediction Predict(string dockerfile)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", dockerfile)]);
        using var predictor = new ImagePredictor();
        return predictor.PredictImage(new CheckContext(project, new CheckOptions { Offline = true }), "Dockerfile")!;
    }

    private static PredictedComponent[] Venvs(ImagePrediction p) => [.. p.Components.Concat(p.BuildOnly).Where(c => c.Name.StartsWith("venv ", StringComparison.Ordinal))];

    [Fact]
    public void A_venv_on_Python_3_11_holds_pip_and_setuptools_as_measured()
    {
        PredictedComponent venv = Assert.Single(Venvs(Predict("FROM python:3.11-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip --version\n")));
        Assert.Equal(("venv /opt/venv", "pip 23.0.1, setuptools 66.1.1", 13_320_513L + 8_286_044L, "/opt/venv", 2), (venv.Name, venv.Version, venv.Bytes, venv.Location, venv.Line));
        Assert.False(venv.Exact);
        Assert.True(venv.LowBytes < venv.Bytes && venv.Bytes < venv.HighBytes);
    }

    [Fact]
    public void From_Python_3_12_only_pip_is_seeded()
    {
        PredictedComponent venv = Assert.Single(Venvs(Predict("FROM python:3.12-slim\nRUN python3.12 -m venv --upgrade-deps /venv\n")));
        Assert.Equal(VenvSeeds.For("3.12")!.Bytes, venv.Bytes);
        Assert.DoesNotContain("setuptools", venv.Version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RUN python -m venv --without-pip /opt/venv")]
    [InlineData("RUN python -m pip install --no-cache-dir venv")]
    [InlineData("RUN python -c 'import venv' /opt/venv")]
    [InlineData("RUN uv venv /opt/venv")]
    public void Nothing_is_seeded_without_ensurepip(string run) =>
        Assert.Empty(Venvs(Predict("FROM python:3.11-slim\n" + run + "\n")));

    [Fact]
    public void A_relative_venv_lies_under_the_working_directory()
    {
        PredictedComponent venv = Assert.Single(Venvs(Predict("FROM python:3.11-slim\nWORKDIR /app\nRUN python -m venv --prompt app .venv\n")));
        Assert.Equal("/app/.venv", venv.Location);
    }

    [Fact]
    public void Copying_the_venv_out_of_a_builder_stage_takes_the_seeded_packages_along()
    {
        const string Copied = """
            FROM python:3.11-slim AS builder
            RUN python -m venv /opt/venv
            FROM python:3.11-slim
            COPY --from=builder /opt/venv /opt/venv
            """;
        const string Elsewhere = """
            FROM python:3.11-slim AS builder
            RUN python -m venv /opt/venv
            FROM python:3.11-slim
            COPY --from=builder /usr/local/lib /usr/local/lib
            """;

        long seeded = VenvSeeds.For("3.11")!.Bytes;
        PredictedComponent copy = Assert.Single(Predict(Copied).Components, c => c.Kind == "copy");
        Assert.Equal(seeded, copy.Bytes);
        Assert.NotEqual(seeded, Assert.Single(Predict(Elsewhere).Components, c => c.Kind == "copy").Bytes);
    }
}
