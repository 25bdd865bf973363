using Headroom.Diagnostics;

namespace Headroom.Rules;

/// <summary>
/// What a rule is, independent of any finding: the contract's ID and slug (what users write in
/// ignore comments and <c>.headroom.yaml</c>), the default severity, a one-line title, and the
/// rule's page. The page is <c>docs/rules/ID.md</c> in the repository; <see cref="HelpUri"/> points at it.
/// </summary>
/// <param name="Id">For example <c>DF001</c>.</param>
/// <param name="Slug">For example <c>cuda-torch-on-cpu-build</c>.</param>
/// <param name="DefaultSeverity">The severity unless the configuration overrides it.</param>
/// <param name="Title">One line, as <c>headroom rules</c> lists it.</param>
/// <param name="Fixable">Whether <c>headroom fix</c> can fix (some of) its findings.</param>
public sealed record RuleDescriptor(string Id, string Slug, DiagnosticSeverity DefaultSeverity, string Title, bool Fixable)
{
    /// <summary>The base of the rule pages' addresses.</summary>
    public const string DocsBase = "https://github.com/headroom-dev/headroom/blob/main/docs/rules/";

    /// <summary>The rule's page, for SARIF <c>helpUri</c> and the text output.</summary>
    public Uri HelpUri => new(DocsBase + Id + ".md");

    /// <summary>The family, from the ID's letters: DF (Dockerfile), PY (Python), GH (GitHub Actions), JS (JavaScript).</summary>
    public string Family => Id.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
}
