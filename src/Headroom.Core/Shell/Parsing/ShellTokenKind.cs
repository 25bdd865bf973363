namespace Headroom.Shell.Parsing;

internal enum ShellTokenKind
{
    End,
    Word,
    Operator,
    Newline,
    Redirection,
}
