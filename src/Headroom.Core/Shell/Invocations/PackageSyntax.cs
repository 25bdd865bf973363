namespace Headroom.Shell.Invocations;

/// <summary>How a package manager writes a package operand.</summary>
internal enum PackageSyntax
{
    Pip,
    Apt,
    Apk,
    Npm,
    Conda,
}
