namespace Headroom.Knowledge.Venv;

/// <summary>
/// What <c>python -m venv DIR</c> installs into a new virtual environment (ensurepip's bundled wheels), for a range
/// of Python versions.
/// </summary>
/// <param name="FromMinor">The first Python 3 minor version the row applies to.</param>
/// <param name="ToMinor">The last Python 3 minor version the row applies to.</param>
/// <param name="Packages">The seeded packages and versions, as said in the output (<c>pip 23.0.1, setuptools 66.1.1</c>).</param>
/// <param name="Bytes">Their installed bytes, byte-compiled (<c>__pycache__</c>), as <c>headroom image</c> counts them.</param>
/// <param name="Measured">True when the figure was measured in a built image; false for an estimate.</param>
/// <param name="Source">Where the figure comes from.</param>
/// <param name="Date">When it was collected.</param>
public sealed record VenvSeed(int FromMinor, int ToMinor, string Packages, long Bytes, bool Measured, string Source, string Date);
