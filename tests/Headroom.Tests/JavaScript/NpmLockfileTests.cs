using Headroom.Diagnostics;
using Headroom.JavaScript;

namespace Headroom.Tests.JavaScript;

public sealed class NpmLockfileTests
{
    // The shape npm 10/11 writes (lockfileVersion 3): platform packages with os/cpu/libc, dev and optional flags, a workspace link.
    internal const string Lock = """
        {
          "name": "app",
          "lockfileVersion": 3,
          "requires": true,
          "packages": {
            "": { "name": "app", "dependencies": { "react": "^18.3.1" }, "devDependencies": { "vite": "^5.3.1" } },
            "node_modules/react": { "version": "18.3.1", "resolved": "https://registry.example/react/-/react-18.3.1.tgz" },
            "node_modules/vite": { "version": "5.4.21", "dev": true },
            "node_modules/@rollup/rollup-linux-x64-gnu": { "version": "4.68.8", "cpu": ["x64"], "os": ["linux"], "libc": ["glibc"], "dev": true, "optional": true },
            "node_modules/@rollup/rollup-linux-x64-musl": { "version": "4.68.8", "cpu": ["x64"], "os": ["linux"], "libc": ["musl"], "dev": true, "optional": true },
            "node_modules/@esbuild/darwin-arm64": { "version": "0.21.5", "cpu": ["arm64"], "os": ["darwin"], "dev": true, "optional": true },
            "node_modules/fsevents": { "version": "2.3.3", "os": ["darwin"], "devOptional": true },
            "node_modules/a/node_modules/b": { "version": "1.0.0", "os": ["!win32"] },
            "packages/lib": { "version": "0.0.1" },
            "node_modules/lib": { "resolved": "packages/lib", "link": true }
          }
        }
        """;

    [Fact]
    public void Reads_version_3_with_platform_and_dev_filters()
    {
        NpmLockfile lockFile = NpmLockfile.Read(Lock, "package-lock.json");
        Assert.Equal(3, lockFile.LockfileVersion);
        Assert.Equal(7, lockFile.Entries.Count);
        Assert.Equal("b", lockFile.Entries.Single(e => e.Path == "node_modules/a/node_modules/b").Name);
        Assert.Equal("https://registry.example/react/-/react-18.3.1.tgz", lockFile.Entries[0].Resolved);

        string[] alpine = [.. lockFile.Installed(omitDev: false, "linux", "x64", "musl").Select(e => e.Name)];
        Assert.Equal(["react", "vite", "@rollup/rollup-linux-x64-musl", "b"], alpine);
        string[] production = [.. lockFile.Installed(omitDev: true, "linux", "x64", "glibc").Select(e => e.Name)];
        Assert.Equal(["react", "b"], production);
    }

    [Fact]
    public void Reads_version_1_nested_dependencies()
    {
        NpmLockfile lockFile = NpmLockfile.Read("""
            { "lockfileVersion": 1, "dependencies": {
                "a": { "version": "1.0.0", "dependencies": { "b": { "version": "2.0.0", "dev": true } } },
                "local": { "version": "file:../local" } } }
            """, "package-lock.json");
        Assert.Equal(["node_modules/a", "node_modules/a/node_modules/b"], lockFile.Entries.Select(e => e.Path));
        Assert.True(lockFile.Entries[1].Dev);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        InputException e = Assert.Throws<InputException>(() => NpmLockfile.Read("{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n", "web/package-lock.json"));
        Assert.StartsWith("web/package-lock.json:", e.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => NpmLockfile.Read("[]", "package-lock.json"));
    }
}
