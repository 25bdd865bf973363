using Headroom.Dockerfiles.Build;
using Headroom.Shell.Invocations;

namespace Headroom.Rules.Models;

/// <summary>The <c>RUN --mount=...</c> values of a RUN, after BuildKit's variable expansion.</summary>
public static class RunMounts
{
    /// <summary>Every mount of <paramref name="instruction"/> that parses (none for other instructions).</summary>
    public static IReadOnlyList<RunMount> Of(BuildInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        List<RunMount> mounts = [];
        foreach (Dockerfiles.InstructionFlag flag in instruction.Expanded.Flags)
        {
            if (flag.Name == "mount" && flag.Value is not null && RunMount.TryParse(flag.Value, out RunMount? mount, out _))
            {
                mounts.Add(mount);
            }
        }

        return mounts;
    }

    /// <summary>
    /// The cache or tmpfs mount whose target is <paramref name="directory"/> or one of its ancestors (what is written
    /// there never reaches the layer), or null.
    /// </summary>
    public static RunMount? DiscardingMountOver(BuildInstruction instruction, string directory) =>
        Of(instruction).FirstOrDefault(m => m.Type is "cache" or "tmpfs" && m.Target is { } target && ShellPaths.RemovesContentsOf(target, directory));
}
