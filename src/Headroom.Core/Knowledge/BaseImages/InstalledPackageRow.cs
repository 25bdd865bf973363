namespace Headroom.Knowledge;

/// <summary>One dpkg package that a base image holds, as <see cref="BaseImagePackages"/> embeds it.</summary>
/// <param name="Name">Package.</param>
/// <param name="Version">Version.</param>
/// <param name="Architecture">Architecture.</param>
/// <param name="InstalledSizeKiB">Installed-Size (KiB).</param>
/// <param name="Provides">Provides, as written (empty when none).</param>
public sealed record InstalledPackageRow(string Name, string Version, string Architecture, long InstalledSizeKiB, string Provides);
