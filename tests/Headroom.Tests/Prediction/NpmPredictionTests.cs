using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Headroom.JavaScript;
using Headroom.Knowledge;
using Headroom.Prediction;
using Headroom.Rules;
using Headroom.Tests.Images;
using Headroom.Tests.JavaScript;

namespace Headroom.Tests.Prediction;

/// <summary>npm installs and builds: offline from the lock file with the embedded table, online from a registry served on loopback.</summary>
public sealed class NpmPredictionTests
{
    private const string Frontend = """
        FROM node:20-alpine AS build
        WORKDIR /app
        COPY package*.json ./
        RUN npm ci
        COPY . .
        RUN npm run build

        FROM nginx:1.27-alpine
        COPY --from=build /app/dist /usr/share/nginx/html
        """;

    private const string PackageJson = """{ "name": "app", "scripts": { "build": "tsc && vite build" }, "dependencies": { "react": "^18.3.1" }, "devDependencies": { "vite": "^5.3.1" } }""";

    private static ImagePrediction Predict(string dockerfile, INpmTarballSizer? registry = null, params (string Path, string Text)[] files)
    {
        ProjectModel project = ProjectModel.FromFiles(files.Prepend(("Dockerfile", dockerfile)).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
        using var predictor = new ImagePredictor();
        if (registry is not null)
        {
            predictor.EnableNetwork(new NoMirror(), npm: registry);
        }

        ImagePrediction? prediction = predictor.PredictImage(new CheckContext(project, registry is null ? new CheckOptions { Offline = true } : CheckOptions.Default), "Dockerfile");
        Assert.NotNull(prediction);
        return prediction;
    }

    [Fact]
    public void Offline_the_lock_file_gives_the_packages_for_the_images_platform()
    {
        ImagePrediction p = Predict(Frontend, null, ("package.json", PackageJson), ("package-lock.json", NpmLockfileTests.Lock), ("src/main.ts", new string('x', 3000)));

        PredictedComponent npm = Assert.Single(p.BuildOnly, c => c.Kind == "npm" && c.Name == "npm ci");
        // react and vite and rollup's musl build from the table, b assumed.
        long expected = NpmPackageSizes.Find("react")!.UnpackedBytes + NpmPackageSizes.Find("vite")!.UnpackedBytes
            + NpmPackageSizes.Find("@rollup/rollup-linux-x64-musl")!.UnpackedBytes + NpmPackageSizes.UnknownPackage.Point;
        Assert.Equal(expected, npm.Bytes);
        Assert.Equal("/app/node_modules", npm.Location);
        Assert.Contains("4 packages of package-lock.json (lockfileVersion 3, linux/x64 musl, with dev dependencies)", npm.How, StringComparison.Ordinal);
        Assert.Contains(p.BuildOnly, c => c.Name == "npm cache");
    }

    [Fact]
    public void Only_the_build_output_reaches_the_nginx_image()
    {
        ImagePrediction p = Predict(Frontend, null, ("package.json", PackageJson), ("package-lock.json", NpmLockfileTests.Lock), ("src/main.ts", new string('x', 3000)), ("index.html", new string('h', 500)));

        Assert.Equal(["base", "copy"], p.Components.Select(c => c.Kind).Order(StringComparer.Ordinal));
        Assert.Equal("nginx:alpine", p.Components.Single(c => c.Kind == "base").Name);
        PredictedComponent dist = p.Components.Single(c => c.Kind == "copy");
        Assert.Equal(3000 + 500 + 100_000, dist.Bytes);
        Assert.Contains(p.BuildOnly, c => c is { Kind: "run", Location: "/app/dist" });
        Assert.True(p.PeakBuildBytes >= p.ImageBytes + p.BuildOnly.Sum(c => c.Bytes));
    }

    [Fact]
    public void Dev_dependencies_are_left_out_with_omit_dev_or_node_env_production_and_a_cleaned_cache_is_not_counted()
    {
        const string Files = "FROM node:20-slim\nWORKDIR /srv\nCOPY package*.json ./\n";
        (string, string)[] project = [("package.json", PackageJson), ("package-lock.json", NpmLockfileTests.Lock)];
        ImagePrediction all = Predict(Files + "RUN npm ci\n", null, project);
        ImagePrediction omit = Predict(Files + "RUN npm ci --omit=dev && npm cache clean --force\n", null, project);
        ImagePrediction env = Predict(Files + "ENV NODE_ENV=production\nRUN npm ci\n", null, project);

        long production = NpmPackageSizes.Find("react")!.UnpackedBytes + NpmPackageSizes.UnknownPackage.Point;
        Assert.Equal(production, Assert.Single(omit.Components, c => c.Kind == "npm").Bytes);
        Assert.Equal(production, env.Components.Single(c => c.Name == "npm ci").Bytes);
        Assert.Contains(env.Components, c => c.Name == "npm cache");
        Assert.True(all.Components.Single(c => c.Name == "npm ci").Bytes > production);
        Assert.Contains("glibc", all.Components.Single(c => c.Name == "npm ci").How, StringComparison.Ordinal);
    }

    [Fact]
    public void Npm_ci_without_a_lock_file_is_said_and_estimated_from_package_json()
    {
        ImagePrediction p = Predict("FROM node:20-alpine\nCOPY package.json .\nRUN npm ci\n", null, ("package.json", PackageJson));
        PredictedComponent npm = Assert.Single(p.Components, c => c.Kind == "npm" && c.Name == "npm ci");
        Assert.Contains(p.Notes, n => n.Contains("npm ci finds no package-lock.json", StringComparison.Ordinal));
        Assert.Contains("no lock file: 2 direct dependencies", npm.How, StringComparison.Ordinal);
        Assert.False(npm.Exact);
        Assert.True(npm.Bytes > 10_000_000);
    }

    [Fact]
    public async Task Online_each_package_is_sized_from_its_tarball_on_the_registry()
    {
        using var dir = new TempDir();
        using var registry = new LoopbackRegistry();
        registry.Add("/react/-/react-18.3.1.tgz", Tarball(40_000));
        registry.Add("/vite/-/vite-5.4.21.tgz", Tarball(300_000));
        registry.Add("/@rollup/rollup-linux-x64-musl/-/rollup-linux-x64-musl-4.68.8.tgz", Tarball(120_000));
        registry.Add("/b/-/b-1.0.0.tgz", Tarball(7_000));
        string lockFile = NpmLockfileTests.Lock.Replace("https://registry.example/", registry.Url.AbsoluteUri, StringComparison.Ordinal);

        using var sizer = new HttpNpmTarballSizer(registry.Url, dir.Path);
        ImagePrediction p = Predict("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\n", sizer, ("package.json", PackageJson), ("package-lock.json", lockFile));

        PredictedComponent npm = p.Components.Single(c => c.Name == "npm ci");
        Assert.Equal(Tar(40_000) + Tar(300_000) + Tar(120_000) + Tar(7_000), npm.Bytes);
        Assert.True(npm.Exact);
        Assert.Contains("4 sized from the registry's tarballs", npm.How, StringComparison.Ordinal);
        PredictedComponent cache = p.Components.Single(c => c.Name == "npm cache");
        Assert.Equal(registry.Bodies.Sum(b => (long)b.Length), cache.Bytes);

        // The answers are kept on disk: a second sizer asks nothing.
        int requests = registry.Requests;
        using var again = new HttpNpmTarballSizer(registry.Url, dir.Path);
        Assert.NotNull(await again.SizeAsync("vite", "5.4.21", null, TestContext.Current.CancellationToken));
        Assert.Equal(requests, registry.Requests);
    }

    [Fact]
    public void A_registry_that_fails_leaves_the_packages_estimated_and_says_so()
    {
        using var dir = new TempDir();
        using var registry = new LoopbackRegistry();
        using var sizer = new HttpNpmTarballSizer(registry.Url, dir.Path);
        ImagePrediction p = Predict("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\n", sizer, ("package.json", PackageJson), ("package-lock.json", NpmLockfileTests.Lock));

        Assert.False(p.Components.Single(c => c.Name == "npm ci").Exact);
        Assert.Contains(p.Notes, n => n.Contains("the npm registry could not size every package", StringComparison.Ordinal));
    }

    /// <summary>The length of a tar holding one file of <paramref name="bytes"/> (what the gzip trailer of its tarball states).</summary>
    private static long Tar(int bytes) => TarBytes(bytes).Length;

    private static byte[] TarBytes(int bytes)
    {
        using var tar = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
        {
            writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "package/index.js") { DataStream = new MemoryStream(new byte[bytes]) });
        }

        return tar.ToArray();
    }

    private static byte[] Tarball(int bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(TarBytes(bytes));
        }

        return output.ToArray();
    }

    private sealed class NoMirror : Headroom.Apt.IAptFetcher
    {
        public Task<Stream?> OpenAsync(Uri uri, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);
    }

    /// <summary>A registry on 127.0.0.1 that serves tarballs with suffix byte ranges (206 and Content-Range), as the npm registry does.</summary>
    private sealed class LoopbackRegistry : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
        private int _requests;

        public LoopbackRegistry()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Url.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(Serve);
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public IEnumerable<byte[]> Bodies => _files.Values;

        public void Add(string path, byte[] body) => _files[path] = body;

        public void Dispose() => _listener.Close();

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                using HttpListenerResponse response = context.Response;
                string? range = context.Request.Headers["Range"];
                if (!_files.TryGetValue(Uri.UnescapeDataString(context.Request.Url!.AbsolutePath), out byte[]? body) || range is null || !range.StartsWith("bytes=-", StringComparison.Ordinal))
                {
                    response.StatusCode = body is null ? 404 : 200;
                    continue;
                }

                int count = Math.Min(body.Length, int.Parse(range["bytes=-".Length..], System.Globalization.CultureInfo.InvariantCulture));
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {body.Length - count}-{body.Length - 1}/{body.Length}";
                await response.OutputStream.WriteAsync(body.AsMemory(body.Length - count, count));
            }
        }
    }
}
