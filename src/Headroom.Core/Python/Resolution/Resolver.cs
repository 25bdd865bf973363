using Headroom.Python.Index;

namespace Headroom.Python.Resolution;

/// <summary>
/// The built-in Python dependency resolver: what <c>pip install</c> would install for a target
/// environment, from the files and metadata of an <see cref="IPackageRepository"/>. It follows pip's
/// resolver: candidates newest first, extras, markers evaluated for the target (and per extra),
/// constraints that only restrict, Requires-Python, yanked files only for exact pins, pre-releases only
/// when asked for, wheels only (unless source distributions are allowed), and backtracking with a
/// round limit. Each call is independent; the repository's own cache is what carries across calls.
/// </summary>
public sealed class Resolver
{
    private readonly IPackageRepository _repository;
    private readonly TargetEnvironment _target;
    private readonly ResolverOptions _options;

    public Resolver(IPackageRepository repository, TargetEnvironment target, ResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(target);
        _repository = repository;
        _target = target;
        _options = options ?? new ResolverOptions();
        if (_options.MaxRounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRounds must be at least 1");
        }
    }

    public TargetEnvironment Target => _target;

    public ResolverOptions Options => _options;

    /// <summary>Resolves the request.</summary>
    /// <exception cref="ResolutionException">The requirements conflict, a project has no usable version, or the round limit was reached.</exception>
    /// <exception cref="Headroom.Diagnostics.InputException">The repository failed (an index is unreachable and nothing is cached).</exception>
    public async Task<ResolutionResult> ResolveAsync(ResolutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var view = new RepositoryView(_repository, _target, _options, linked.Token);
        try
        {
            return await new ResolutionRun(view, _target, _options, request.Pre).RunAsync(request, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            // Stop what is still being fetched ahead for a resolution that is over.
            await linked.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Resolves requirement literals (<c>"torch==2.5.1"</c>, <c>"transformers[torch]"</c>).</summary>
    public Task<ResolutionResult> ResolveAsync(params string[] requirements) => ResolveAsync(ResolutionRequest.Of(requirements));
}
