using Headroom.Diagnostics;
using Headroom.Text;
using Headroom.Yaml;

namespace Headroom.Python.Tools;

/// <summary>A .pre-commit-config.yaml: its repos, their <c>rev</c> pins and hook ids.</summary>
public sealed class PreCommitConfig
{
    private PreCommitConfig(YamlDocument document, IReadOnlyList<PreCommitRepo> repos)
    {
        Document = document;
        Repos = repos;
    }

    public YamlDocument Document { get; }

    public IReadOnlyList<PreCommitRepo> Repos { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => Document.Diagnostics;

    /// <summary>The first hook with this id and its repo ("black" finds psf/black or the mirror), or null.</summary>
    public (PreCommitRepo Repo, PreCommitHook Hook)? FindHook(string id)
    {
        foreach (PreCommitRepo repo in Repos)
        {
            if (repo.Hooks.FirstOrDefault(h => h.Id == id) is { } hook)
            {
                return (repo, hook);
            }
        }

        return null;
    }

    public static PreCommitConfig Read(string text, string? path = null) => Read(new SourceText(text, path));

    public static PreCommitConfig Read(SourceText source)
    {
        YamlDocument doc = YamlReader.Read(source);
        var repos = new List<PreCommitRepo>();
        foreach (YamlMapping repo in ((doc.Root as YamlMapping)?.GetSequence("repos")?.Items ?? []).OfType<YamlMapping>())
        {
            var hooks = (repo.GetSequence("hooks")?.Items ?? []).OfType<YamlMapping>()
                .Where(h => h.GetString("id") is not null)
                .Select(h => new PreCommitHook(h.GetString("id")!, h.GetScalar("id")!, h))
                .ToList();
            repos.Add(new PreCommitRepo(repo.GetString("repo") ?? string.Empty, repo.GetScalar("rev"), repo, hooks));
        }

        return new PreCommitConfig(doc, repos);
    }
}

/// <summary>One entry of <c>repos:</c>. "local" and "meta" repos have no rev: their hooks run whatever is installed.</summary>
public sealed record PreCommitRepo(string Url, YamlScalar? Rev, YamlMapping Node, IReadOnlyList<PreCommitHook> Hooks)
{
    public bool IsLocal => Url is "local" or "meta";

    /// <summary>A remote repo with a non-empty rev: the hook's version is fixed.</summary>
    public bool IsPinned => !IsLocal && Rev is { IsNull: false, Value.Length: > 0 };
}

public sealed record PreCommitHook(string Id, YamlScalar IdNode, YamlMapping Node)
{
    public IReadOnlyList<string> Args => (Node.GetSequence("args")?.Items ?? []).Select(a => a.AsString()).OfType<string>().ToList();

    public IReadOnlyList<string> AdditionalDependencies =>
        (Node.GetSequence("additional_dependencies")?.Items ?? []).Select(a => a.AsString()).OfType<string>().ToList();
}
