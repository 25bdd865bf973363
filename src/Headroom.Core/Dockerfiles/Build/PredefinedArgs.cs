namespace Headroom.Dockerfiles.Build;

/// <summary>The ARG names BuildKit defines itself (platform.go defaultArgs, the proxy and SBOM args).</summary>
public static class PredefinedArgs
{
    public const string BuildPlatform = "BUILDPLATFORM";
    public const string BuildOs = "BUILDOS";
    public const string BuildOsVersion = "BUILDOSVERSION";
    public const string BuildArch = "BUILDARCH";
    public const string BuildVariant = "BUILDVARIANT";
    public const string TargetPlatform = "TARGETPLATFORM";
    public const string TargetOs = "TARGETOS";
    public const string TargetOsVersion = "TARGETOSVERSION";
    public const string TargetArch = "TARGETARCH";
    public const string TargetVariant = "TARGETVARIANT";
    public const string TargetStage = "TARGETSTAGE";
    public const string SbomScanContext = "BUILDKIT_SBOM_SCAN_CONTEXT";
    public const string SbomScanStage = "BUILDKIT_SBOM_SCAN_STAGE";

    /// <summary>Build args passed to RUN's environment without an ARG (matched case-insensitively).</summary>
    public static IReadOnlyList<string> ProxyArgs { get; } =
        ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"];

    public static bool IsProxyArg(string name) =>
        ProxyArgs.Any(proxy => string.Equals(proxy, name, StringComparison.OrdinalIgnoreCase));
}
