using Headroom.Rules;
using Headroom.Rules.JavaScript;

namespace Headroom.Tests.Rules;

public sealed class ImportMetaEnvTypesRuleTests
{
    private static readonly ImportMetaEnvTypesRule Rule = new();

    private const string TsConfig = """
        {
          "compilerOptions": { "strict": true, "noEmit": true },
          "include": ["src"]
        }
        """;

    private const string Api = "// API base\nconst url: string = import.meta.env.VITE_API_URL ?? \"/api\";\nexport const health = `${url}/health`;\n";

    private const string Main = "import { health } from './api';\nif (import.meta.env.DEV) {\n  console.info(health, import.meta.env.MODE);\n}\n";

    [Fact]
    public void Fires_on_every_use_in_every_included_file_with_the_tsc_error()
    {
        CheckResult result = RuleHarness.Check(Rule, ("web/tsconfig.json", TsConfig), ("web/src/api.ts", Api), ("web/src/main.ts", Main));
        Assert.Equal(
            [("web/src/api.ts", 2, 21), ("web/src/main.ts", 2, 5), ("web/src/main.ts", 3, 24)],
            result.Findings.Select(f => (f.Path, f.Start.Line, f.Start.Column)));
        Assert.Equal(
            "'import.meta.env' has no type because no vite/client types are in effect (no included .d.ts of web/tsconfig.json references vite/client), so tsc fails with \"error TS2339: Property 'env' does not exist on type 'ImportMeta'.\"; add a .d.ts with /// <reference types=\"vite/client\" /> or \"types\": [\"vite/client\"] to web/tsconfig.json",
            result.Findings[0].Message);
    }

    [Fact]
    public void An_explicit_types_list_without_vite_client_is_named()
    {
        const string WithTypes = """{ "compilerOptions": { "types": ["node"] }, "include": ["src"] }""";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("tsconfig.json", WithTypes), ("src/api.ts", Api)).Findings);
        Assert.Contains("compilerOptions.types in tsconfig.json is [node] without vite/client", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/vite-env.d.ts", "/// <reference types=\"vite/client\" />\n")]
    [InlineData("src/env.d.ts", "interface ImportMeta { readonly env: Record<string, string> }\n")]
    public void Does_not_fire_with_an_included_declaration(string path, string text) =>
        Assert.Empty(RuleHarness.Check(Rule, ("tsconfig.json", TsConfig), ("src/api.ts", Api), (path, text)).Findings);

    [Fact]
    public void Does_not_fire_with_vite_client_in_types_through_extends() =>
        Assert.Empty(RuleHarness.Check(Rule,
            ("tsconfig.base.json", """{ "compilerOptions": { "types": ["vite/client"] } }"""),
            ("tsconfig.json", """{ "extends": "./tsconfig.base.json", "include": ["src"] }"""),
            ("src/api.ts", Api)).Findings);

    [Fact]
    public void Does_not_fire_on_files_outside_include_or_on_comments()
    {
        Assert.Empty(RuleHarness.Check(Rule, ("tsconfig.json", TsConfig), ("scripts/gen.ts", Api)).Findings);
        Assert.Empty(RuleHarness.Check(Rule, ("tsconfig.json", TsConfig), ("src/a.ts", "// reads import.meta.env.X\nexport const a = 1;\n")).Findings);
    }

    [Fact]
    public void Follows_references_to_the_app_config()
    {
        const string Root = """{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }""";
        Finding finding = Assert.Single(RuleHarness.Check(Rule, ("tsconfig.json", Root), ("tsconfig.app.json", TsConfig), ("src/api.ts", Api)).Findings);
        Assert.EndsWith("to tsconfig.app.json", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fix_creates_src_vite_env_d_ts_and_then_the_rule_is_quiet()
    {
        (string, string)[] files = [("web/tsconfig.json", TsConfig), ("web/src/api.ts", Api), ("web/src/main.ts", Main)];
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, files);
        Assert.Equal("/// <reference types=\"vite/client\" />\n", Assert.Single(fixedFiles, f => f.Key == "web/src/vite-env.d.ts").Value);
        Assert.Single(fixedFiles);
        Assert.Empty(RuleHarness.Check(Rule, [.. files, ("web/src/vite-env.d.ts", fixedFiles["web/src/vite-env.d.ts"])]).Findings);
    }

    [Fact]
    public void The_fix_prepends_the_reference_to_an_existing_vite_env_d_ts_outside_the_chain()
    {
        const string Existing = "interface Window { app: string }\r\n";
        IReadOnlyDictionary<string, string> fixedFiles = RuleHarness.Fix(Rule, ("tsconfig.json", TsConfig), ("src/api.ts", Api), ("src/vite-env.d.ts", Existing));
        Assert.Equal("/// <reference types=\"vite/client\" />\r\ninterface Window { app: string }\r\n", fixedFiles["src/vite-env.d.ts"]);
    }
}
