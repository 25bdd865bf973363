using Headroom.Diagnostics;
using Headroom.Project;
using Headroom.Text;
using Headroom.Workflows;

namespace Headroom.Tests.Workflows;

public sealed class LocalReferenceResolverTests
{
    private const string Ci = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: ./.github/actions/setup
              - run: make
          release:
            uses: ./.github/workflows/release.yml
        """;

    private const string SetupAction = """
        name: Setup
        runs:
          using: composite
          steps:
            - uses: actions/setup-python@v5
              with:
                python-version: "3.12"
            - run: pip install -r requirements.txt
              shell: bash
            - uses: ./.github/actions/cache
        """;

    private const string CacheAction = """
        name: Cache
        runs:
          using: "composite"
          steps:
            - uses: actions/cache@v3.3.1
              with:
                path: ~/.cache/pip
                key: pip
        """;

    private const string Release = """
        on: workflow_call
        jobs:
          publish:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/upload-artifact@v3
        """;

    [Fact]
    public void Follows_composite_actions_and_reusable_workflows_transitively()
    {
        var files = new InMemoryRepositoryFiles(new Dictionary<string, string>
        {
            [".github/workflows/ci.yml"] = Ci,
            [".github/actions/setup/action.yml"] = SetupAction,
            [".github/actions/cache/action.yaml"] = CacheAction,
            [".github/workflows/release.yml"] = Release,
        });
        var resolver = new LocalReferenceResolver(files);
        Workflow wf = WorkflowReader.Read(new SourceText(Ci, ".github/workflows/ci.yml"));
        var diagnostics = new List<Diagnostic>();

        IReadOnlyList<ActionUse> uses = resolver.CollectUses(wf, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(
            [
                ("actions/checkout@v4", ".github/workflows/ci.yml", 0),
                ("./.github/actions/setup", ".github/workflows/ci.yml", 0),
                ("actions/setup-python@v5", ".github/actions/setup/action.yml", 1),
                ("./.github/actions/cache", ".github/actions/setup/action.yml", 1),
                ("actions/cache@v3.3.1", ".github/actions/cache/action.yaml", 2),
                ("./.github/workflows/release.yml", ".github/workflows/ci.yml", 0),
                ("actions/upload-artifact@v3", ".github/workflows/release.yml", 1),
            ],
            uses.Select(u => (u.Reference.Raw, u.File!, u.Via.Count)));

        ActionUse cache = uses.Single(u => u.Reference.Raw == "actions/cache@v3.3.1");
        Assert.Equal([".github/workflows/ci.yml", ".github/actions/setup/action.yml"], cache.Via);
        Assert.Equal(new LinePosition(5, 13), cache.Start);
        Assert.Equal("build", cache.Job!.Id);
        Assert.Equal("pip", cache.Step!.GetInput("key"));
    }

    [Fact]
    public void Composite_metadata_has_runtime_and_steps_with_shell()
    {
        ActionMetadata action = ActionMetadata.Read(SetupAction, ".github/actions/setup/action.yml");
        Assert.Equal(ActionRuntime.Composite, action.Runtime);
        Assert.Equal(3, action.Steps.Count);
        Assert.Equal("bash", action.Steps[1].Run!.Shell!.Value);
        Assert.Equal(new LinePosition(8, 12), action.Steps[1].Run!.ContentStart);

        ActionMetadata node = ActionMetadata.Read("runs:\n  using: node20\n  main: dist/index.js\n");
        Assert.Equal((ActionRuntime.Node20, "dist/index.js"), (node.Runtime, node.Main));
        Assert.Empty(node.Steps);
        Assert.Equal(ActionRuntime.Docker, ActionMetadata.Read("runs:\n  using: docker\n  image: Dockerfile\n").Runtime);
    }

    [Fact]
    public void Cycles_are_reported_once_and_do_not_loop()
    {
        var files = new InMemoryRepositoryFiles(new Dictionary<string, string>
        {
            ["a/action.yml"] = "runs:\n  using: composite\n  steps:\n    - uses: ./b\n",
            ["b/action.yml"] = "runs:\n  using: composite\n  steps:\n    - uses: ./a\n",
        });
        Workflow wf = WorkflowReader.Read(new SourceText("jobs:\n  j:\n    steps:\n      - uses: ./a\n", "w.yml"));
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<ActionUse> uses = new LocalReferenceResolver(files).CollectUses(wf, diagnostics);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(WorkflowDiagnosticCodes.LocalReferenceCycle, d.Code);
        Assert.Equal("b/action.yml", d.Path);
        Assert.Equal(3, uses.Count);
    }

    [Fact]
    public void Self_calling_reusable_workflow_is_a_cycle()
    {
        const string text = "on: workflow_call\njobs:\n  again:\n    uses: ./.github/workflows/self.yml\n";
        var files = new InMemoryRepositoryFiles(new Dictionary<string, string> { [".github/workflows/self.yml"] = text });
        var diagnostics = new List<Diagnostic>();
        new LocalReferenceResolver(files).CollectUses(WorkflowReader.Read(new SourceText(text, ".github/workflows/self.yml")), diagnostics);
        Assert.Equal(WorkflowDiagnosticCodes.LocalReferenceCycle, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Missing_local_action_is_a_diagnostic_at_the_uses()
    {
        var diagnostics = new List<Diagnostic>();
        Workflow wf = WorkflowReader.Read(new SourceText("jobs:\n  j:\n    steps:\n      - uses: ./nowhere\n", "w.yml"));
        new LocalReferenceResolver(new InMemoryRepositoryFiles([])).CollectUses(wf, diagnostics);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(WorkflowDiagnosticCodes.LocalReferenceMissing, d.Code);
        Assert.Equal(new LinePosition(4, 15), d.Start);
    }

    [Fact]
    public void Directory_files_read_the_example_repository()
    {
        string root = Path.Combine(Path.GetTempPath(), "headroom-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".github", "actions", "x"));
        try
        {
            File.WriteAllText(Path.Combine(root, ".github", "actions", "x", "action.yml"), "runs:\n  using: node16\n  main: index.js\n");
            var resolver = new LocalReferenceResolver(new DirectoryRepositoryFiles(root));
            ActionMetadata? action = resolver.ResolveAction(ActionReference.Parse("./.github/actions/x"));
            Assert.Equal(ActionRuntime.Node16, action!.Runtime);
            Assert.Null(resolver.ResolveAction(ActionReference.Parse("./../outside")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
