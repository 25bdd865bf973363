namespace Headroom.Dockerfiles;

/// <summary>The instruction keywords that BuildKit knows (in lower case).</summary>
public static class InstructionNames
{
    public const string Add = "add";
    public const string Arg = "arg";
    public const string Cmd = "cmd";
    public const string Copy = "copy";
    public const string Entrypoint = "entrypoint";
    public const string Env = "env";
    public const string Expose = "expose";
    public const string From = "from";
    public const string Healthcheck = "healthcheck";
    public const string Label = "label";
    public const string Maintainer = "maintainer";
    public const string Onbuild = "onbuild";
    public const string Run = "run";
    public const string Shell = "shell";
    public const string StopSignal = "stopsignal";
    public const string User = "user";
    public const string Volume = "volume";
    public const string Workdir = "workdir";

    private static readonly HashSet<string> Known =
    [
        Add, Arg, Cmd, Copy, Entrypoint, Env, Expose, From, Healthcheck, Label, Maintainer, Onbuild, Run,
        Shell, StopSignal, User, Volume, Workdir,
    ];

    public static bool IsKnown(string lowerCaseName) => Known.Contains(lowerCaseName);
}
