namespace Headroom.Python;

/// <summary>What a requirements-file line names.</summary>
public enum RequirementLocationKind
{
    /// <summary>A PEP 508 requirement by name (<c>torch==2.3.1</c>, <c>pkg @ url</c> counts here too).</summary>
    Name,

    /// <summary>A plain URL (<c>https://.../x.whl</c>, <c>file:///...</c>).</summary>
    Url,

    /// <summary>A version-control URL (<c>git+https://...#egg=name</c>).</summary>
    Vcs,

    /// <summary>A local directory or file path (<c>.</c>, <c>./libs/foo</c>).</summary>
    Path,

    /// <summary>A local archive or wheel file (<c>dist/foo-1.0-py3-none-any.whl</c>).</summary>
    Archive,
}
