using Headroom.Dockerfiles.Build;
using Headroom.Python.Index;

namespace Headroom.Prediction;

/// <summary>What the predictor knows about one built stage: its own layers' components and what pip has put in it so far.</summary>
internal sealed class StageBuild
{
    public StageBuild(BuildStage stage, StageBuild? parent, PredictedComponent? baseImage, string? python)
    {
        Stage = stage;
        Parent = parent;
        BaseImage = baseImage ?? parent?.BaseImage;
        Python = python ?? parent?.Python;
        PipInstalled = parent is null ? new(StringComparer.Ordinal) : new(parent.PipInstalled, StringComparer.Ordinal);
        AptInstalled = parent is null ? new(StringComparer.Ordinal) : new(parent.AptInstalled, StringComparer.Ordinal);
        PipMetadata = parent is null ? new(StringComparer.Ordinal) : new(parent.PipMetadata, StringComparer.Ordinal);
        ApkInstalled = parent is null ? new(StringComparer.Ordinal) : new(parent.ApkInstalled, StringComparer.Ordinal);
        ApkCacheKept = parent?.ApkCacheKept ?? false;
    }

    public BuildStage Stage { get; }

    /// <summary>The stage this one is built on, or null when it starts from an image.</summary>
    public StageBuild? Parent { get; }

    /// <summary>The image at the root of the chain (null for scratch or an unknown image).</summary>
    public PredictedComponent? BaseImage { get; }

    /// <summary>The distribution of the chain's base image (<c>debian</c>, <c>12</c>, its package-list key), or null when unknown.</summary>
    public (string Distro, string Release, string? PackagesKey)? Distro { get; init; }

    /// <summary>The dpkg packages of the chain's base image as read from its layers, or null when only the embedded knowledge is known.</summary>
    public IReadOnlyCollection<string>? BasePackages { get; init; }

    /// <summary>How apt behaves in the chain's base image, when it was read from its layers; null: as in the official images (docker-clean).</summary>
    public Apt.AptImageSetup? AptSetup { get; init; }

    /// <summary><c>3.12</c>, or null; set by an apt install that brings the distribution's <c>python3.N</c>.</summary>
    public string? Python { get; set; }

    /// <summary>Normalized pip names installed in this stage chain, with the version installed (empty when unknown).</summary>
    public Dictionary<string, string> PipInstalled { get; }

    /// <summary>The core metadata of pip packages installed in this stage chain by a resolved install (normalized name).</summary>
    public Dictionary<string, CoreMetadata> PipMetadata { get; }

    /// <summary>apt packages asked for in this stage chain.</summary>
    public HashSet<string> AptInstalled { get; }

    /// <summary>apk packages installed in this stage chain (asked for, and their closures when known).</summary>
    public HashSet<string> ApkInstalled { get; }

    /// <summary>Whether an earlier layer of the chain already keeps apk's indexes in /var/cache/apk (counted once).</summary>
    public bool ApkCacheKept { get; set; }

    /// <summary>This stage's own layers.</summary>
    public List<PredictedComponent> Layers { get; } = [];

    /// <summary>Every layer component of the chain, the root stage's first (the base image not included).</summary>
    public IEnumerable<PredictedComponent> ChainLayers => (Parent?.ChainLayers ?? []).Concat(Layers);
}
