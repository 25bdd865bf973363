namespace Headroom.Dockerfiles.Expansion;

/// <summary>
/// BuildKit's shell-word processing (frontend/dockerfile/shell, <c>Lex</c>): variable expansion with
/// <c>$V</c>, <c>${V}</c>, <c>${V:-x}</c>, <c>${V-x}</c>, <c>${V:+x}</c>, <c>${V+x}</c>, <c>${V:?msg}</c>,
/// <c>${V?msg}</c>, <c>${V#pat}</c>, <c>${V##pat}</c>, <c>${V%pat}</c>, <c>${V%%pat}</c>,
/// <c>${V/pat/repl}</c> and <c>${V//pat/repl}</c>; single and double quotes; the escape character; quote
/// removal; and word splitting. Stateless: one instance can be shared between threads.
/// </summary>
public sealed class WordExpander
{
    /// <param name="escapeChar">The Dockerfile's escape character: '\\' (the default) or '`'.</param>
    public WordExpander(char escapeChar = '\\')
    {
        EscapeChar = escapeChar;
    }

    /// <summary>An expander with BuildKit's defaults and the backslash escape.</summary>
    public static WordExpander Default { get; } = new();

    public char EscapeChar { get; }

    /// <summary>Keep the quote characters in the result (BuildKit's RawQuotes).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep the escape characters in the result (BuildKit's RawEscapes).</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Treat quotes as ordinary characters (BuildKit's SkipProcessQuotes, used for heredoc bodies).</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Leave references to unset variables as written (BuildKit's SkipUnsetEnv).</summary>
    public bool SkipUnsetVariables { get; init; }

    /// <summary>
    /// Fail <c>${V</c> that ends right after the name exactly as BuildKit does, with
    /// <c>unsupported modifier (\uFFFD) in substitution</c>, instead of the clearer missing '}' syntax
    /// error. The heredoc detection reports BuildKit's message verbatim.
    /// </summary>
    internal bool EndAfterNameIsUnsupportedModifier { get; init; }

    /// <summary>Expands one word (BuildKit's ProcessWordWithMatches): spaces inside the word are kept.</summary>
    public ExpansionResult ExpandWord(string word, IVariableLookup variables)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(variables);
        return new ShellWordProcessor(this, word, variables).Process(collectWords: false);
    }

    /// <summary>
    /// Expands and splits into words (BuildKit's ProcessWords): blanks outside quotes, including blanks
    /// that come from a variable's value, separate words. The words are in <see cref="ExpansionResult.Words"/>.
    /// </summary>
    public ExpansionResult ExpandWords(string word, IVariableLookup variables)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(variables);
        return new ShellWordProcessor(this, word, variables).Process(collectWords: true);
    }
}
