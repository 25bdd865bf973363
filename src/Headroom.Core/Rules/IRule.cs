namespace Headroom.Rules;

/// <summary>
/// One rule: a small class in its own file under <c>Rules/</c>, with its page in <c>docs/rules/ID.md</c>.
/// A rule reads the parsed project through <see cref="CheckContext"/> (Dockerfiles with their stage
/// graph and RUN scripts, workflows, requirement files, ...) and reports what it finds. Rules do not
/// filter by suppression comments or configuration: the engine does that in one place.
/// </summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    /// <summary>Reports this rule's findings for the whole project.</summary>
    void Check(CheckContext context, FindingSink findings);
}
