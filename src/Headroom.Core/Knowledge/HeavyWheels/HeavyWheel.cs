namespace Headroom.Knowledge.HeavyWheels;

/// <summary>
/// A heavy Python package whose download size is known offline: the wheel (or, for an extra such as
/// <c>jax[cuda12]</c>, the wheels it pulls), at one release, with its source.
/// </summary>
/// <param name="Name">The normalized project name.</param>
/// <param name="Extra">The extra that brings these bytes (<c>cuda12</c>), or null for the package itself.</param>
/// <param name="Version">The release the figure is for.</param>
/// <param name="DownloadBytes">The bytes pip downloads for it (manylinux x86_64).</param>
/// <param name="Cuda">Whether the bytes are CUDA libraries (sized with the CUDA installed ratio and grouped as the CUDA stack).</param>
/// <param name="Source">Where the figure comes from (the reference file and the public record it cites).</param>
public sealed record HeavyWheel(string Name, string? Extra, string Version, long DownloadBytes, bool Cuda, string Source);
