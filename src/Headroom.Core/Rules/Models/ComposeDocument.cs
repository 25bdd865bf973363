using Headroom.Compose;
using Headroom.Diagnostics;
using Headroom.Project;

namespace Headroom.Rules.Models;

/// <summary>
/// The Compose files of a project (compose.yaml, docker-compose.yml, ...), each parsed once (shared with
/// the CI disk model, which reads them by the same key). Malformed YAML is an <see cref="InputException"/>
/// naming the file and line (exit 2), as for workflows.
/// </summary>
public static class ComposeDocument
{
    /// <summary>Every Compose file of the project, parsed once; the first error of a malformed one is thrown.</summary>
    public static IReadOnlyList<ComposeFile> All(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new List<ComposeFile>();
        foreach (ProjectFile file in context.Project.FilesOfKind(ProjectFileKind.Compose))
        {
            if (context.Project.ReadSource(file.RelativePath) is not { } source)
            {
                throw new InputException($"{file.RelativePath}: cannot read the file");
            }

            ComposeFile compose = context.Project.GetOrAdd(file.RelativePath, _ => ComposeFile.Read(source));
            if (compose.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                throw new InputException($"{file.RelativePath}:{error.Start.Line}: {error.Message}");
            }

            files.Add(compose);
        }

        return files;
    }
}
