using Headroom.Dockerfiles.Build;
using Headroom.Dockerfiles.Run;
using Headroom.Knowledge.Venv;
using Headroom.Rules.Models;
using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Prediction;

/// <summary>
/// Sizes <c>python -m venv DIR</c>: ensurepip puts pip (and, before Python 3.12, setuptools) into every new
/// environment, byte-compiled (<see cref="VenvSeeds"/>), unless <c>--without-pip</c>. The component lies at
/// <c>DIR</c>, so a <c>COPY --from</c> of the venv takes it along with the packages installed there.
/// </summary>
internal static class VenvSizer
{
    public static IEnumerable<PredictedComponent> Size(RunScript script, BuildInstruction instruction, StageBuild state)
    {
        foreach (SimpleCommand command in script.Script.Commands)
        {
            if (Directories(command) is not { Count: > 0 } directories)
            {
                continue;
            }

            VenvSeed? seed = VenvSeeds.For(state.Python);
            VenvSeed row = seed ?? VenvSeeds.All[^1];
            bool measured = seed is { Measured: true };
            foreach (string directory in directories)
            {
                string location = ContainerPaths.Join(ContainerPaths.WorkingDirectory(instruction), directory);
                string how = (seed is null ? "the stage's Python is not known: " : string.Empty)
                    + $"python -m venv installs {row.Packages} into {location} (ensurepip); {row.Source} ({row.Date})";
                yield return new PredictedComponent("pip", "venv " + location, row.Packages, row.Bytes, instruction.Line, false)
                {
                    LowBytes = measured ? row.Bytes * 9 / 10 : row.Bytes * 3 / 4,
                    HighBytes = measured ? row.Bytes * 11 / 10 : row.Bytes * 5 / 4,
                    How = how,
                    Location = location,
                    Stage = state.Stage.Index,
                };
            }
        }
    }

    /// <summary>The directories of <c>python -m venv [options] DIR...</c> (literal words only), or null for another command or <c>--without-pip</c>.</summary>
    internal static List<string>? Directories(SimpleCommand command)
    {
        if (command.CommandBaseName is not { } name || !PipInvocation.IsVersioned(name, "python")
            || PipInvocation.FindModule(command.Words, command.CommandWordIndex + 1, "venv") is not int module)
        {
            return null;
        }

        var directories = new List<string>();
        for (int i = module + 1; i < command.Words.Length; i++)
        {
            string? word = command.Words[i].Value;
            if (word == "--without-pip")
            {
                return null;
            }

            if (word == "--prompt")
            {
                i++;
            }
            else if (word is { Length: > 0 } && word[0] != '-')
            {
                directories.Add(word);
            }
        }

        return directories;
    }
}
