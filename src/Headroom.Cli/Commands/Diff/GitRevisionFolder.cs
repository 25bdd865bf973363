using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;

namespace Headroom.Cli.Commands.Diff;

/// <summary>
/// A file of a git revision (<c>HEAD~1:backend/Dockerfile</c>) with the folder it sits in (its build context:
/// requirement files, <c>.dockerignore</c>, sources), written by <c>git archive</c> into a temporary folder that
/// <see cref="Dispose"/> removes. The path is relative to the repository's top (as git reads <c>REV:path</c>), or
/// to the given folder (the current one, or <c>--repo</c>) when it starts with <c>./</c> or <c>../</c>.
/// </summary>
internal sealed class GitRevisionFolder : IDisposable
{
    private readonly string _temp;

    private GitRevisionFolder(string temp, string path)
    {
        _temp = temp;
        Path = path;
    }

    /// <summary>The Dockerfile (or the folder, when <c>REV:path</c> names one) inside the temporary copy.</summary>
    public string Path { get; }

    /// <summary>
    /// Reads <paramref name="path"/> at <paramref name="revision"/> from the repository that holds <paramref name="cwd"/>;
    /// <paramref name="spec"/> names the side in errors.
    /// </summary>
    public static GitRevisionFolder Extract(string spec, string revision, string path, string cwd)
    {
        if (!Directory.Exists(cwd))
        {
            throw new CliException($"{cwd}: no such directory");
        }

        (int code, string top, _) = Git(spec, cwd, "rev-parse", "--show-toplevel");
        if (code != 0)
        {
            throw new CliException($"{spec}: no such file, and not inside a git repository to read it as REV:path");
        }

        top = top.Trim();
        string relative = path.Replace('\\', '/');
        if (relative.StartsWith("./", StringComparison.Ordinal) || relative.StartsWith("../", StringComparison.Ordinal))
        {
            relative = System.IO.Path.GetRelativePath(top, System.IO.Path.GetFullPath(relative, cwd)).Replace('\\', '/');
        }

        relative = relative.Trim('/');
        if (relative == ".")
        {
            relative = string.Empty;
        }

        if (Git(spec, top, "rev-parse", "--verify", "--quiet", revision + "^{commit}").Code != 0)
        {
            throw new CliException($"{spec}: no such file, and '{revision}' is not a git revision");
        }

        (code, string type, _) = Git(spec, top, "cat-file", "-t", $"{revision}:{relative}");
        type = type.Trim();
        if (code != 0 || type is not ("blob" or "tree"))
        {
            throw new CliException($"{spec}: '{relative}' does not exist at {revision}");
        }

        string folder = type == "tree" ? relative : (relative.LastIndexOf('/') is int slash and >= 0 ? relative[..slash] : string.Empty);
        string temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "headroom-diff-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(temp);
        try
        {
            Archive(spec, top, $"{revision}:{folder}", temp);
            string inside = type == "tree" ? temp : System.IO.Path.Combine(temp, relative[(relative.LastIndexOf('/') + 1)..]);
            return new GitRevisionFolder(temp, inside);
        }
        catch
        {
            Delete(temp);
            throw;
        }
    }

    public void Dispose() => Delete(_temp);

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder that cannot be removed is left to the system's cleanup.
        }
    }

    /// <summary><c>git archive --format=tar TREE</c>, extracted as it streams.</summary>
    private static void Archive(string spec, string top, string tree, string destination)
    {
        using Process process = Start(spec, top, "archive", "--format=tar", tree);
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            TarFile.ExtractToDirectory(process.StandardOutput.BaseStream, destination, overwriteFiles: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new CliException($"{spec}: git archive of '{tree}' failed: {ex.Message}", ex);
        }

        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new CliException($"{spec}: git archive of '{tree}' failed: {error.Result.Trim()}");
        }
    }

    private static (int Code, string Out, string Error) Git(string spec, string directory, params string[] args)
    {
        using Process process = Start(spec, directory, args);
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static Process Start(string spec, string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            Process process = Process.Start(info) ?? throw new CliException($"{spec}: could not start git");
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception ex)
        {
            throw new CliException($"{spec}: git is not installed (it is needed to read REV:path): {ex.Message}", ex);
        }
    }
}
