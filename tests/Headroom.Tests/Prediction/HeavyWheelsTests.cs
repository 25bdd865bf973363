using Headroom.Knowledge;
using Headroom.Knowledge.HeavyWheels;
using Headroom.Prediction;
using Headroom.Rules;

namespace Headroom.Tests.Prediction;

/// <summary>Heavy packages other than torch are sized from the embedded table offline, not as an unknown 10 MB package.</summary>
public sealed class HeavyWheelsTests
{
    private const string Dockerfile = """
        FROM python:3.11-slim
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
        """;

    private static ImagePrediction Predict(string requirements)
    {
        ProjectModel project = ProjectModel.FromFiles([KeyValuePair.Create("Dockerfile", Dockerfile), KeyValuePair.Create("requirements.txt", requirements)]);
        var context = new CheckContext(project, new CheckOptions { Offline = true });
        using var predictor = new ImagePredictor();
        return predictor.PredictImage(context, "Dockerfile") ?? throw new InvalidOperationException("no prediction");
    }

    [Fact]
    public void Tensorflow_is_sized_from_its_known_wheel_and_tensorflow_cpu_is_smaller()
    {
        PredictedComponent tf = Assert.Single(Predict("tensorflow==2.16.1\n").Components, c => c.Kind == "pip");
        PredictedComponent cpu = Assert.Single(Predict("tensorflow-cpu==2.16.1\n").Components, c => c.Kind == "pip");

        Assert.Equal(589_800_000, tf.DownloadBytes);
        Assert.Equal(InstalledSizeRatios.Installed(589_800_000, InstalledSizeRatios.Generic), tf.Bytes);
        Assert.False(tf.Exact);
        Assert.Contains("optuna/optuna-examples#260", tf.How, StringComparison.Ordinal);
        Assert.Equal(214_100_000, cpu.DownloadBytes);
        Assert.True(cpu.Bytes < tf.Bytes / 2);
    }

    [Fact]
    public void Jax_with_the_cuda12_extra_brings_a_CUDA_stack_and_plain_jax_does_not()
    {
        PredictedComponent cuda = Assert.Single(Predict("jax[cuda12]==0.7.2\n").Components, c => c.Kind == "pip");
        PredictedComponent plain = Assert.Single(Predict("jax==0.7.2\n").Components, c => c.Kind == "pip");

        Assert.Equal("CUDA stack", cuda.Group);
        Assert.Equal("jax[cuda12]", cuda.Name);
        Assert.Equal(InstalledSizeRatios.Installed(2_891_800_000, InstalledSizeRatios.Cuda), cuda.Bytes);
        Assert.Null(plain.Group);
        Assert.Equal(InstalledSizeRatios.UnknownPackage.Installed, plain.Bytes);
    }

    [Fact]
    public void Every_row_names_its_source_and_a_positive_size()
    {
        Assert.All(HeavyWheels.All, r =>
        {
            Assert.True(r.DownloadBytes > 1_000_000, r.Name);
            Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Name);
        });
        Assert.Equal(HeavyWheels.All.Count, HeavyWheels.All.Select(r => (r.Name, r.Extra)).Distinct().Count());
    }
}
