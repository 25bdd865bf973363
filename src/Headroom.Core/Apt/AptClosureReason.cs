namespace Headroom.Apt;

/// <summary>Why a package is in an install closure.</summary>
public enum AptClosureReason
{
    /// <summary>Named on the <c>apt-get install</c> command line.</summary>
    Requested,

    /// <summary>Pre-Depends of a package in the closure.</summary>
    PreDepends,

    /// <summary>Depends of a package in the closure.</summary>
    Depends,

    /// <summary>Recommends of a package in the closure (only when Recommends are installed).</summary>
    Recommends,
}
