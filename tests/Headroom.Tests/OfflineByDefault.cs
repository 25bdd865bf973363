using System.Runtime.CompilerServices;

namespace Headroom.Tests;

/// <summary>
/// Tests never reach the internet: the CLI, run in-process, treats <c>HEADROOM_OFFLINE=1</c> as <c>--offline</c>,
/// so <c>check</c> and <c>predict</c> predict from the embedded knowledge only.
/// </summary>
internal static class OfflineByDefault
{
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("HEADROOM_OFFLINE", "1");
}
