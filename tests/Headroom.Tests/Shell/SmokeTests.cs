using Headroom.Shell;

namespace Headroom.Tests.Shell;

public sealed class SmokeTests
{
    [Theory]
    [InlineData("apt-get update && apt-get install -y curl", "apt-get update | apt-get install -y curl")]
    [InlineData("echo 'a b' \"c $X\" d\\ e", "echo a b <\"c $X\"> d e")]
    [InlineData("if [ -f x ]; then rm x; else touch x; fi", "[ -f x ] | rm x | touch x")]
    [InlineData("for i in 1 2; do echo $i; done", "echo <$i>")]
    [InlineData("case $a in x) echo x;; *) echo y;; esac", "echo x | echo y")]
    [InlineData("echo $(cat f) `ls`", "cat f | ls | echo <$(cat f)> <`ls`>")]
    [InlineData("sh -c 'pip install x'", "sh -c pip install x | pip install x")]
    [InlineData("cat <<EOF > f\nhello\nEOF\necho done", "cat | echo done")]
    public void Reads(string text, string expected)
    {
        ShellScript script = ShellScript.Analyze(text);
        Assert.Equal(expected, script.Show());
        Assert.Empty(script.Diagnostics);
    }
}
