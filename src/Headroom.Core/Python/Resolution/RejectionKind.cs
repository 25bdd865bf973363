namespace Headroom.Python.Resolution;

/// <summary>Why a version of a project was not a candidate, or was tried and given up.</summary>
public enum RejectionKind
{
    /// <summary>No wheel of the version installs on the target (its tags are for other Pythons or platforms): the PY001 case.</summary>
    NoCompatibleWheel,

    /// <summary>The version has only a source distribution, and source builds are not allowed.</summary>
    SourceOnly,

    /// <summary>The version's Requires-Python (of its files or its metadata) excludes the target's Python.</summary>
    RequiresPython,

    /// <summary>Every file of the version is yanked (PEP 592) and the requirement does not pin it exactly.</summary>
    Yanked,

    /// <summary>A pre-release, not allowed without <c>--pre</c> or a specifier that names one.</summary>
    PreRelease,

    /// <summary>The version's metadata could not be had or did not match the file.</summary>
    BadMetadata,

    /// <summary>The version was tried, and its dependencies conflict with other requirements.</summary>
    Conflict,
}
