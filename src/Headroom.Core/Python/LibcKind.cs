namespace Headroom.Python;

/// <summary>The C library of a Linux target: it decides between manylinux and musllinux wheels.</summary>
public enum LibcKind
{
    Glibc,
    Musl,
}
