namespace Headroom.Shell.Invocations;

/// <summary>The options of pip (all subcommands, global ones included) and of uv.</summary>
internal static class PipOptionTables
{
    /// <summary>pip (optparse: unambiguous long prefixes are accepted, e.g. <c>--no-cache</c>).</summary>
    public static OptionTable Pip { get; } = new(
        allowAbbreviations: true,
        "-r|--requirement=", "-c|--constraint=", "-e|--editable=", "-i|--index-url=", "--extra-index-url=", "-f|--find-links=",
        "-t|--target=", "--prefix=", "--root=", "--platform=", "--python-version=", "--implementation=", "--abi=",
        "--only-binary=", "--no-binary=", "--progress-bar=", "--upgrade-strategy=", "--src=", "--global-option=",
        "-C|--config-settings=", "--log=", "--proxy=", "--retries=", "--timeout=", "--exists-action=", "--trusted-host=",
        "--cert=", "--client-cert=", "--cache-dir=", "--report=", "--root-user-action=", "--keyring-provider=", "--python=",
        "--use-feature=", "--use-deprecated=", "--group=", "-d|--dest=", "-w|--wheel-dir=", "--build-option=", "--build-constraint=",
        "--no-index", "--no-cache-dir", "--no-deps", "--pre", "-U|--upgrade", "--user", "--force-reinstall", "-I|--ignore-installed",
        "--ignore-requires-python", "--no-build-isolation", "--require-hashes", "--break-system-packages", "--compile", "--no-compile",
        "--no-warn-script-location", "--no-warn-conflicts", "--dry-run", "-q|--quiet", "-v|--verbose", "-V|--version",
        "--disable-pip-version-check", "--isolated", "--no-input", "--no-color", "--prefer-binary", "--use-pep517", "--no-use-pep517",
        "--check-build-dependencies", "--no-clean", "-y|--yes", "--require-virtualenv", "--no-python-version-warning", "-h|--help",
        "--only-deps", "--all");

    /// <summary>uv, global options and <c>uv pip</c> subcommand options.</summary>
    public static OptionTable Uv { get; } = new(
        allowAbbreviations: false,
        "-r|--requirement|--requirements=", "-c|--constraint|--constraints=", "--override|--overrides=", "-b|--build-constraint|--build-constraints=",
        "-e|--editable=", "-i|--index-url=", "--extra-index-url=", "--index=", "--default-index=", "-f|--find-links=",
        "--index-strategy=", "--keyring-provider=", "-p|--python=", "-t|--target=", "--prefix=", "--python-version=", "--python-platform=",
        "--torch-backend=", "--cache-dir=", "-C|--config-setting|--config-settings=", "--no-binary=", "--only-binary=", "--resolution=",
        "--prerelease=", "--exclude-newer=", "--link-mode=", "--reinstall-package=", "-P|--upgrade-package=", "--extra=", "--group=",
        "--no-build-isolation-package=", "--refresh-package=", "--color=", "--directory=", "--project=", "--config-file=",
        "--allow-insecure-host=", "--python-preference=", "--no-build-package=", "--no-binary-package=",
        "--system", "-n|--no-cache", "--break-system-packages", "--no-deps", "-U|--upgrade", "--pre", "--no-index", "--require-hashes",
        "--no-build-isolation", "--compile-bytecode|--compile", "--strict", "--dry-run", "--all-extras", "--user", "--reinstall",
        "--refresh", "--offline", "--native-tls", "--exact", "-q|--quiet", "-v|--verbose", "--no-progress", "--no-config",
        "--no-build", "--no-sources", "--verify-hashes", "--no-verify-hashes", "--managed-python", "--no-managed-python",
        "--no-python-downloads", "--preview", "--no-preview", "-h|--help", "-V|--version");
}
