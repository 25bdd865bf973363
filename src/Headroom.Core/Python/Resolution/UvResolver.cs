using System.Diagnostics;
using System.Globalization;
using Headroom.Diagnostics;
using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>
/// Delegates resolution to <c>uv pip compile</c> (<c>--resolver uv</c>) when uv is on PATH: uv resolves
/// for the target with <c>--python-platform</c> and <c>--python-version</c>, and each pin it writes is
/// matched with its file from the <see cref="IPackageRepository"/> (so sizes come from the same place
/// as with the built-in <see cref="Resolver"/>).
/// </summary>
public sealed class UvResolver
{
    private readonly IPackageRepository _repository;
    private readonly TargetEnvironment _target;
    private readonly UvResolverOptions _options;
    private readonly string _uv;

    /// <param name="uvPath">The uv executable; null finds it on PATH.</param>
    /// <exception cref="InputException">uv is not on PATH.</exception>
    public UvResolver(IPackageRepository repository, TargetEnvironment target, UvResolverOptions? options = null, string? uvPath = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(target);
        _repository = repository;
        _target = target;
        _options = options ?? new UvResolverOptions();
        _uv = uvPath ?? FindUv() ?? throw new InputException("--resolver uv: no 'uv' executable on PATH");
    }

    /// <summary>The uv executable on PATH, or null.</summary>
    public static string? FindUv()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        return path?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "uv"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// uv's name for the target platform: <c>x86_64-manylinux_2_36</c> for glibc (uv knows 2.17 to 2.40;
    /// older glibc is given as <c>manylinux_2_17</c>), <c>aarch64-unknown-linux-musl</c> for musl.
    /// </summary>
    public static string PythonPlatform(TargetEnvironment target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Libc == LibcKind.Musl
            ? $"{target.Architecture}-unknown-linux-musl"
            : $"{target.Architecture}-manylinux_{target.LibcMajor}_{Math.Clamp(target.LibcMinor, 17, 40)}";
    }

    /// <summary>The arguments of <c>uv pip compile</c> for the target (the requirements come on standard input).</summary>
    public static IReadOnlyList<string> Arguments(TargetEnvironment target, UvResolverOptions options, string? constraintsFile)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        string python = target.PythonMicro > 0
            ? $"{target.PythonMajor}.{target.PythonMinor}.{target.PythonMicro}"
            : $"{target.PythonMajor}.{target.PythonMinor}";
        var args = new List<string>
        {
            "pip", "compile", "-",
            "--python-platform", PythonPlatform(target),
            "--python-version", python,
            "--emit-index-annotation",
            "--no-header",
            "--quiet",
            "--index-strategy", options.IndexStrategy,
        };
        if (options.IndexUrl is not null)
        {
            args.AddRange(["--index-url", options.IndexUrl]);
        }

        foreach (string url in options.ExtraIndexUrls)
        {
            args.AddRange(["--extra-index-url", url]);
        }

        foreach (string link in options.FindLinks)
        {
            args.AddRange(["--find-links", link]);
        }

        if (options.NoIndex)
        {
            args.Add("--no-index");
        }

        if (options.Pre)
        {
            args.AddRange(["--prerelease", "allow"]);
        }

        if (!options.AllowSourceDistributions)
        {
            args.AddRange(["--only-binary", ":all:"]);
        }

        if (constraintsFile is not null)
        {
            args.AddRange(["--constraint", constraintsFile]);
        }

        return args;
    }

    /// <summary>Runs uv and maps its pins to the repository's files.</summary>
    /// <exception cref="ResolutionException">uv found no solution (its explanation is the message).</exception>
    /// <exception cref="InputException">uv could not be run, timed out, or wrote something unreadable.</exception>
    public async Task<ResolutionResult> ResolveAsync(ResolutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? constraints = null;
        try
        {
            if (request.Constraints.Count > 0)
            {
                constraints = Path.Combine(Path.GetTempPath(), $"headroom-uv-{Guid.NewGuid():N}.txt");
                await File.WriteAllLinesAsync(constraints, request.Constraints.Select(c => c.Requirement.ToString()), cancellationToken).ConfigureAwait(false);
            }

            string input = string.Join('\n', request.Requirements.Select(r => r.Requirement.ToString())) + "\n";
            string output = await RunAsync(Arguments(_target, _options with { Pre = _options.Pre || request.Pre }, constraints), input, cancellationToken).ConfigureAwait(false);
            return await ToResultAsync(UvCompileOutput.Parse(output), request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (constraints is not null)
            {
                File.Delete(constraints);
            }
        }
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, string input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_uv)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using Process process = Process.Start(start) ?? throw new InputException($"--resolver uv: could not start {_uv}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InputException($"--resolver uv: uv pip compile did not finish within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        string error = await stderr.ConfigureAwait(false);
        string text = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            string explanation = string.Join(' ', error.ReplaceLineEndings("\n").Split('\n')
                .Select(l => l.Trim().TrimStart('×', '╰', '─', '▶', '│', ' ').Trim())
                .Where(l => l.Length > 0));
            throw new ResolutionException($"uv pip compile failed (exit {process.ExitCode}) for {_target}: {explanation}");
        }

        return text;
    }

    private async Task<ResolutionResult> ToResultAsync(IReadOnlyList<UvPin> pins, ResolutionRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<WheelTag> tags = CompatibleTags.For(_target);
        var notes = new List<string>();
        var listings = await Task.WhenAll(pins.Select(async pin =>
            ProjectListing.Build(pin.Name, await _repository.GetFilesAsync(pin.Name, cancellationToken).ConfigureAwait(false), _target, tags, _options.AllowSourceDistributions)))
            .ConfigureAwait(false);
        var versions = pins.Where(p => p.Version is not null).ToDictionary(p => p.Name, p => p.Version!, StringComparer.Ordinal);
        var roots = request.Requirements.GroupBy(r => r.Requirement.NormalizedName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = new Dictionary<string, List<RequirementOrigin>>(StringComparer.Ordinal);
        var files = new Dictionary<string, DistributionFile>(StringComparer.Ordinal);
        for (int i = 0; i < pins.Count; i++)
        {
            UvPin pin = pins[i];
            VersionEntry? entry = listings[i].Entries.FirstOrDefault(e => e.Version == pin.Version);
            if (entry?.File is null)
            {
                notes.Add($"uv chose {pin.Name} {pin.Version?.ToString() ?? pin.Url}, which the package indexes do not list with a file for {_target}; it is left out");
                continue;
            }

            files[pin.Name] = entry.File;
            var origins = new List<RequirementOrigin>();
            foreach (string via in pin.Via)
            {
                if (via.StartsWith("-r", StringComparison.Ordinal))
                {
                    roots.TryGetValue(pin.Name, out RootRequirement? root);
                    origins.Add(new RequirementOrigin(root?.Requirement.ToString() ?? pin.Name, null, null, null, root?.Location));
                }
                else if (!via.StartsWith("-c", StringComparison.Ordinal))
                {
                    string parent = PackageName.Normalize(via.Split('[')[0].Trim());
                    origins.Add(new RequirementOrigin(pin.Name, parent, versions.GetValueOrDefault(parent), null, null));
                }
            }

            edges[pin.Name] = [.. origins.Distinct().OrderBy(o => o.IsRoot ? 0 : 1).ThenBy(o => o.ParentName, StringComparer.Ordinal)];
        }

        Dictionary<string, IReadOnlyList<RequirementOrigin>> chains = RequirementChains.Shortest(edges);
        var packages = pins
            .Where(p => files.ContainsKey(p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ResolvedPackage(p.Name, p.Version!, files[p.Name], p.Extras, null, edges[p.Name], chains.GetValueOrDefault(p.Name) ?? []))
            .ToList();
        var statistics = new ResolutionStatistics(0, 0, pins.Count, 0, 0);
        return new ResolutionResult(_target, packages, new Dictionary<string, IReadOnlyList<RejectedCandidate>>(), [.. request.Skipped, .. notes], statistics);
    }
}
