using Headroom.JavaScript;
using Headroom.Project;
using Headroom.Tests.Workflows;
using Headroom.Text;

namespace Headroom.Tests.JavaScript;

public sealed class JavaScriptModelTests
{
    [Fact]
    public void Example_package_json_scripts_and_dependencies()
    {
        PackageJson pkg = PackageJson.Read(TestData.Read("ml-backend-package.json"), "frontend/package.json");
        Assert.Empty(pkg.Diagnostics);
        Assert.Equal("ml-backend-frontend", pkg.Name);
        PackageScript build = pkg.FindScript("build")!;
        Assert.Equal("tsc && vite build", build.Command);
        Assert.Equal(new LinePosition(8, 5), build.NameStart);
        Assert.Equal(new LinePosition(8, 14), build.CommandStart);
        Assert.Equal("\"tsc && vite build\"", pkg.Source.ToString(build.CommandSpan));
        Assert.Equal(["typescript", "vite"], pkg.DevDependencies.Select(d => d.Name));
        Assert.Empty(pkg.Dependencies);
        Assert.Null(pkg.PackageManager);
    }

    [Fact]
    public void Package_manager_workspaces_and_non_ascii_positions()
    {
        PackageJson pkg = PackageJson.Read("{\"packageManager\": \"pnpm@9.1.0\", \"workspaces\": [\"packages/*\"],\n\"name\": \"ünï😀\", \"scripts\": {\"t\": \"vitest\"}}");
        Assert.Equal("pnpm", pkg.PackageManagerName);
        Assert.Equal(["packages/*"], pkg.Workspaces);
        Assert.Equal(new LinePosition(2, 35), pkg.FindScript("t")!.CommandStart);
        Assert.Equal("\"vitest\"", pkg.Source.ToString(pkg.FindScript("t")!.CommandSpan));
    }

    [Fact]
    public void Bad_json_is_a_diagnostic_with_its_line()
    {
        PackageJson pkg = PackageJson.Read("{\n  \"name\": \"x\",\n  \"scripts\": {\n    \"a\": \n  }\n}\n", "package.json");
        var d = Assert.Single(pkg.Diagnostics);
        Assert.Equal(JsonReader.SyntaxCode, d.Code);
        Assert.Equal(5, d.Start.Line);
        Assert.Null(pkg.Root);
    }

    [Fact]
    public void Lock_files_in_a_folder()
    {
        var files = new InMemoryRepositoryFiles(new Dictionary<string, string> { ["frontend/package.json"] = "{}", ["web/package-lock.json"] = "{}", ["yarn.lock"] = "" });
        Assert.False(LockFiles.Find(files, "frontend").HasNpmLock);
        Assert.False(LockFiles.Find(files, "frontend").HasAny);
        Assert.True(LockFiles.Find(files, "web").HasNpmLock);
        Assert.True(LockFiles.Find(files, "").YarnLock);
    }

    private static InMemoryRepositoryFiles Repo(params (string Path, string Text)[] files) =>
        new(files.Select(f => new KeyValuePair<string, string>(f.Path, f.Text)));

    [Fact]
    public void Example_frontend_has_no_vite_client_types()
    {
        var files = Repo(
            ("frontend/tsconfig.json", TestData.Read("ml-backend-tsconfig.json")),
            ("frontend/src/main.ts", "console.log(import.meta.env.VITE_API_URL);"),
            ("frontend/vite.config.ts", "export default {}"));
        TsConfigProject project = TsConfigProject.Load(files, "frontend/tsconfig.json")!;
        Assert.True(project.Includes("frontend/src/main.ts"));
        Assert.False(project.Includes("frontend/vite.config.ts"));

        ViteClientTypes result = project.IsViteClientInEffect("frontend/src/main.ts");
        Assert.False(result.InEffect);
        Assert.True(result.FileIncluded);
        Assert.Contains(result.Reasons, r => r.Contains("no included .d.ts", StringComparison.Ordinal));
    }

    [Fact]
    public void Vite_env_d_ts_puts_vite_client_in_effect()
    {
        var files = Repo(
            ("frontend/tsconfig.json", TestData.Read("ml-backend-tsconfig.json")),
            ("frontend/src/main.ts", ""),
            ("frontend/src/vite-env.d.ts", "// generated\n/// <reference types=\"vite/client\" />\n"));
        ViteClientTypes result = TsConfigProject.Load(files, "frontend/tsconfig.json")!.IsViteClientInEffect("frontend/src/main.ts");
        Assert.True(result.InEffect);
        Assert.Equal(["frontend/src/vite-env.d.ts:2 has /// <reference types=\"vite/client\" />"], result.Reasons);
    }

    [Fact]
    public void Chain_with_comments_trailing_commas_package_extends_and_references()
    {
        var files = Repo(
            ("web/tsconfig.json", """
                // Vite template: the root only points at the projects
                {
                  "files": [],
                  "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json", },],
                }
                """),
            ("web/tsconfig.app.json", """
                {
                  /* app */
                  "extends": ["@tsconfig/strictest/tsconfig.json", "./tsconfig.base"],
                  "include": ["src"],
                }
                """),
            ("web/tsconfig.base.json", """{ "compilerOptions": { "types": ["vite/client", "node",], }, }"""),
            ("web/tsconfig.node.json", """{ "include": ["vite.config.ts"], "compilerOptions": { "types": ["node"] } }"""),
            ("node_modules/@tsconfig/strictest/tsconfig.json", """{ "compilerOptions": { "strict": true } }"""),
            ("web/src/main.ts", ""));
        TsConfigProject app = TsConfigProject.Load(files, "web/tsconfig.app.json")!;
        Assert.Equal(["web/tsconfig.app.json", "web/tsconfig.base.json", "node_modules/@tsconfig/strictest/tsconfig.json"], app.Chain.Select(c => c.Path));
        Assert.Equal(["vite/client", "node"], app.Types!.Value.Types);

        TsConfigProject root = TsConfigProject.Load(files, "web/tsconfig.json")!;
        Assert.Empty(root.Config.Diagnostics);
        Assert.False(root.Includes("web/src/main.ts"));
        ViteClientTypes main = root.IsViteClientInEffect("web/src/main.ts");
        Assert.True(main.InEffect);
        Assert.Equal("web/tsconfig.app.json", main.ConfigPath);
        Assert.Equal(["compilerOptions.types in web/tsconfig.base.json lists vite/client"], main.Reasons);

        ViteClientTypes config = root.IsViteClientInEffect("web/vite.config.ts");
        Assert.False(config.InEffect);
        Assert.Equal("web/tsconfig.node.json", config.ConfigPath);
        Assert.Contains(config.Reasons, r => r.Contains("is [node] without vite/client", StringComparison.Ordinal));

        Assert.False(root.IsViteClientInEffect("other/x.ts").FileIncluded);
    }

    [Fact]
    public void Uninstalled_package_extends_is_recorded_as_unresolved()
    {
        var files = Repo(("tsconfig.json", """{ "extends": "@tsconfig/node20/tsconfig.json" }"""));
        TsConfigExtends e = Assert.Single(TsConfigProject.Load(files, "tsconfig.json")!.Extends);
        Assert.Equal("@tsconfig/node20/tsconfig.json", e.Specifier);
        Assert.Null(e.ResolvedPath);
    }
}
