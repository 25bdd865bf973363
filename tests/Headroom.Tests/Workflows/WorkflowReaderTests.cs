using Headroom.Text;
using Headroom.Workflows;
using Headroom.Yaml;

namespace Headroom.Tests.Workflows;

public sealed class WorkflowReaderTests
{
    private static Workflow Example() => WorkflowReader.Read(TestData.Read("ml-backend-ci.yml"), ".github/workflows/ci.yml");

    [Fact]
    public void Example_workflow_reads_without_diagnostics()
    {
        Workflow wf = Example();
        Assert.Empty(wf.Diagnostics);
        Assert.Equal("CI", wf.Name);
        Assert.Equal(["push", "pull_request"], wf.Triggers.Select(t => t.Event));
        Assert.NotNull(wf.Triggers[0].Settings);
        Assert.Null(wf.Triggers[1].Settings);
        Assert.Equal(["backend", "frontend", "docker"], wf.Jobs.Select(j => j.Id));
        Assert.Equal(new LinePosition(12, 3), wf.Jobs[0].Start);
        Assert.All(wf.Jobs, j => Assert.Equal("ubuntu-latest", Assert.Single(j.RunsOn!.Labels).Value));
    }

    [Fact]
    public void Example_steps_uses_refs_and_positions()
    {
        Workflow wf = Example();
        var uses = wf.AllSteps().Where(s => s.Step.Uses is not null)
            .Select(s => (s.Step.Uses!.Raw, s.Step.Uses.RefKind, s.Step.Uses.Start.Line, s.Step.Uses.Start.Column)).ToList();
        Assert.Equal(
            [
                ("actions/setup-python@v5", ActionRefKind.MajorTag, 16, 15),
                ("actions/checkout@v4", ActionRefKind.MajorTag, 21, 15),
                ("actions/upload-artifact@v3", ActionRefKind.MajorTag, 40, 15),
                ("actions/checkout@v4", ActionRefKind.MajorTag, 48, 15),
                ("actions/setup-node@v4", ActionRefKind.MajorTag, 50, 15),
                ("actions/upload-artifact@v3", ActionRefKind.MajorTag, 66, 15),
                ("actions/checkout@v4", ActionRefKind.MajorTag, 74, 15),
                ("docker/setup-buildx-action@v3", ActionRefKind.MajorTag, 80, 15),
                ("docker/build-push-action@v5", ActionRefKind.MajorTag, 83, 15),
            ],
            uses);

        Job backend = wf.Jobs[0];
        Assert.Equal(6, backend.Steps.Count);
        Step setup = backend.Steps[0];
        Assert.Equal("Set up Python", setup.Name);
        Assert.Equal("3.13", setup.GetInput("python-version"));
        Assert.Equal("pip", setup.GetInput("cache"));
        Assert.Equal(YamlScalarStyle.DoubleQuoted, setup.With!.GetScalar("python-version")!.Style);
        Assert.Equal(new LinePosition(15, 9), setup.Start);
        Assert.Equal("always()", backend.Steps[5].If!.Value);
    }

    [Fact]
    public void Example_run_scripts_have_exact_start_positions()
    {
        Workflow wf = Example();
        var runs = wf.AllSteps().Where(s => s.Step.Run is not null).Select(s => s.Step.Run!).ToList();
        Assert.Equal(9, runs.Count);

        RunScript install = runs[0];
        Assert.True(install.IsBlock);
        Assert.Equal(YamlScalarStyle.Literal, install.Style);
        Assert.Equal(new LinePosition(25, 11), install.ContentStart);
        Assert.Equal(10, install.ContentIndent);
        Assert.Equal("python -m pip install --upgrade pip\npip install -r backend/requirements-ci.txt\n", install.Text);
        int second = install.Text.IndexOf("pip install -r", StringComparison.Ordinal);
        Assert.True(install.TryMapOffset(second + 4, out LinePosition p));
        Assert.Equal(new LinePosition(26, 15), p);

        RunScript test = runs[2];
        Assert.False(test.IsBlock);
        Assert.Equal(new LinePosition(36, 14), test.ContentStart);
        Assert.Equal("backend", test.WorkingDirectory!.Value);
        Assert.True(test.TryMapOffset(7, out p));
        Assert.Equal(new LinePosition(36, 21), p);

        RunScript setOutput = runs.Single(r => r.Text.Contains("::set-output", StringComparison.Ordinal));
        Assert.Equal(new LinePosition(78, 14), setOutput.ContentStart);
        int at = setOutput.Text.IndexOf("::set-output", StringComparison.Ordinal);
        Assert.True(setOutput.TryMapOffset(at, out p));
        Assert.Equal(new LinePosition(78, 20), p);
        Assert.Equal("::set-output", wf.Source.ToString(new TextSpan(wf.Source.GetLineStart(78) + 19, 12)));

        RunScript compose = runs.Single(r => r.Text.StartsWith("docker-compose up", StringComparison.Ordinal));
        Assert.Equal(new LinePosition(96, 11), compose.ContentStart);
        int curl = compose.Text.IndexOf("-H \"Content-Type", StringComparison.Ordinal);
        Assert.True(compose.TryMapOffset(curl, out p));
        Assert.Equal(new LinePosition(102, 13), p);

        Assert.Equal("frontend", runs.Single(r => r.Text == "npm ci").WorkingDirectory!.Value);
        Assert.Null(runs[0].WorkingDirectory);
        Assert.Null(runs[0].Shell);
    }

    [Fact]
    public void Defaults_run_give_effective_shell_and_directory_step_first()
    {
        const string text = """
            defaults:
              run:
                shell: bash
                working-directory: app
            jobs:
              a:
                runs-on: ubuntu-latest
                defaults:
                  run:
                    working-directory: web
                steps:
                  - run: make
                  - run: make
                    shell: pwsh
                    working-directory: other
              b:
                runs-on: [self-hosted, linux, x64]
                steps:
                  - run: ls
            """;
        Workflow wf = WorkflowReader.Read(text);
        Assert.Empty(wf.Diagnostics);
        RunScript first = wf.Jobs[0].Steps[0].Run!;
        Assert.Equal("bash", first.Shell!.Value);
        Assert.Equal(3, first.Shell.Start.Line);
        Assert.Equal("web", first.WorkingDirectory!.Value);
        Assert.Equal("pwsh", wf.Jobs[0].Steps[1].Run!.Shell!.Value);
        Assert.Equal("other", wf.Jobs[0].Steps[1].Run!.WorkingDirectory!.Value);
        Assert.Equal("app", wf.Jobs[1].Steps[0].Run!.WorkingDirectory!.Value);
        Assert.Equal(["self-hosted", "linux", "x64"], wf.Jobs[1].RunsOn!.Labels.Select(l => l.Value));
    }

    [Fact]
    public void Needs_services_container_and_runs_on_forms()
    {
        const string text = """
            on: [push, workflow_dispatch]
            jobs:
              build:
                runs-on:
                  group: big
                  labels: ubuntu-24.04-16core
                container: node:20
                services:
                  db:
                    image: postgres:16
                    ports: ["5432:5432"]
                  cache:
                    image: redis
                steps: []
              test:
                needs: build
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: [ubuntu-latest, windows-latest]
                steps: []
              deploy:
                needs: [build, test]
                uses: ./.github/workflows/deploy.yml
                with:
                  env: prod
            """;
        Workflow wf = WorkflowReader.Read(text);
        Assert.Empty(wf.Diagnostics);
        Assert.Equal(["push", "workflow_dispatch"], wf.Triggers.Select(t => t.Event));
        Job build = wf.FindJob("build")!;
        Assert.Equal("big", build.RunsOn!.Group!.Value);
        Assert.Equal("ubuntu-24.04-16core", Assert.Single(build.RunsOn.Labels).Value);
        Assert.Equal("node:20", build.Container!.Image!.Value);
        Assert.Equal(["db", "cache"], build.Services.Select(s => s.ServiceId));
        Assert.Equal("postgres:16", build.Services[0].Image!.Value);

        Job test = wf.FindJob("test")!;
        Assert.Equal("build", Assert.Single(test.Needs).Value);
        Assert.True(test.RunsOn!.HasExpression);
        Assert.Equal(
            ["ubuntu-latest", "windows-latest"],
            test.Matrix!.Combinations.Select(c => test.RunsOn.ResolveLabels(c).Single()));
        Assert.Equal([null], test.RunsOn.ResolveLabels(null));

        Job deploy = wf.FindJob("deploy")!;
        Assert.Equal(["build", "test"], deploy.Needs.Select(n => n.Value));
        Assert.Equal(ActionReferenceKind.Local, deploy.Uses!.Kind);
        Assert.True(deploy.Uses.IsWorkflowFile);
        Assert.Equal("prod", deploy.With!.GetString("env"));
        Assert.Empty(deploy.Steps);
    }

    [Fact]
    public void Structural_errors_are_diagnostics()
    {
        Workflow wf = WorkflowReader.Read("jobs:\n  a: 3\n  b:\n    steps: oops\n");
        Assert.Equal(2, wf.Diagnostics.Count);
        Assert.Equal([2, 4], wf.Diagnostics.Select(d => d.Start.Line));
        Assert.All(wf.Diagnostics, d => Assert.Equal(WorkflowDiagnosticCodes.Structure, d.Code));
    }

    [Fact]
    public void Malformed_workflow_keeps_the_yaml_diagnostic()
    {
        Workflow wf = WorkflowReader.Read("on: push\njobs:\n  a:\n    steps:\n      - run: x\n     bad: [\n", "w.yml");
        Assert.Contains(wf.Diagnostics, d => d.Code == YamlDiagnosticCodes.Syntax && d.Start.Line >= 5);
        Assert.Null(wf.Root);
        Assert.Empty(wf.Jobs);
    }
}
