namespace Headroom.Prediction.Ci;

/// <summary>One part of a job's peak disk: what holds the bytes at the peak.</summary>
/// <param name="Label">"backend/Dockerfile in the builder's store", "tarball of backend/Dockerfile for the load", ...</param>
/// <param name="Bytes">Bytes held at the peak.</param>
/// <param name="Line">The workflow line that put them there.</param>
public sealed record CiDiskPart(string Label, long Bytes, int Line);

/// <summary>The predicted peak disk of a job.</summary>
/// <param name="PeakBytes">The most bytes the job's images and files hold at once.</param>
/// <param name="FreedBytes">What the clean-up steps before the peak gave back.</param>
/// <param name="PeakLine">The workflow line of the step where the peak happens (0 when the job uses no disk).</param>
/// <param name="Parts">What holds the bytes at the peak, largest first.</param>
/// <param name="Unknown">Builds and pulls whose size is unknown (the peak is then a lower bound).</param>
public sealed record CiDiskEstimate(long PeakBytes, long FreedBytes, int PeakLine, IReadOnlyList<CiDiskPart> Parts, IReadOnlyList<string> Unknown)
{
    /// <summary>The peak net of the space the clean-ups gave back: what must fit in the runner's free disk.</summary>
    public long NetPeakBytes => PeakBytes - FreedBytes;

    /// <summary>True when every build and pull had a size.</summary>
    public bool Complete => Unknown.Count == 0;
}
