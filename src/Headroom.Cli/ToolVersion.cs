using System.Reflection;

namespace Headroom.Cli;

/// <summary>The tool's version, from the assembly's informational version.</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
