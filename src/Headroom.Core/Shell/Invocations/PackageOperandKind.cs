namespace Headroom.Shell.Invocations;

public enum PackageOperandKind
{
    /// <summary>A package name, perhaps with a version (<c>torch==2.3.1</c>, <c>curl=7.88.1-10</c>, <c>react@18</c>).</summary>
    Name,

    /// <summary>A local directory or project (<c>.</c>, <c>.[dev]</c>, <c>./libs/x</c>, <c>file:../x</c>).</summary>
    LocalPath,

    /// <summary>A URL or VCS reference (<c>https://...</c>, <c>git+https://...</c>).</summary>
    Url,

    /// <summary>A package file (<c>x-1.0-py3-none-any.whl</c>, <c>x.tar.gz</c>, <c>x.deb</c>).</summary>
    Archive,

    /// <summary>An expansion whose package cannot be told (<c>$PACKAGES</c>, <c>"$@"</c>).</summary>
    Dynamic,

    /// <summary>Anything else.</summary>
    Other,
}
