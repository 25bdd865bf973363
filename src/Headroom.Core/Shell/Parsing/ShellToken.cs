namespace Headroom.Shell.Parsing;

/// <summary>A token: offsets are into the text the parser reads; <paramref name="IoNumber"/> is -1 when absent.</summary>
internal readonly record struct ShellToken(ShellTokenKind Kind, int Start, int End, string Text, ShellWord? Word, int IoNumber = -1)
{
    public bool IsOperator(string text) => Kind == ShellTokenKind.Operator && Text == text;

    public bool IsWord(string text) => Kind == ShellTokenKind.Word && Word!.IsPlain(text);
}
