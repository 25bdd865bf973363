using Headroom.Prediction;

namespace Headroom.Tests.Prediction;

public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("data", "data/models/a.bin", true)]
    [InlineData("data/", "data/x", true)]
    [InlineData("/data", "data/x", true)]
    [InlineData("data", "src/data/x", false)]
    [InlineData("**/data", "src/data/x", true)]
    [InlineData("*.log", "a.log", true)]
    [InlineData("*.log", "logs/a.log", false)]
    [InlineData("**/*.log", "logs/a.log", true)]
    [InlineData(".git", ".git/HEAD", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b/c", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[0-9].txt", "filex.txt", false)]
    [InlineData("# comment", "# comment", false)]
    [InlineData("./build/../dist", "dist/app.js", true)]
    public void Matches_as_Docker_does(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, new DockerIgnore(pattern).IsExcluded(path));

    [Fact]
    public void The_last_matching_pattern_wins_and_exceptions_reinclude()
    {
        var ignore = new DockerIgnore("*.md\n!README*.md\nREADME-secret.md\n");

        Assert.True(ignore.IsExcluded("CHANGES.md"));
        Assert.False(ignore.IsExcluded("README.md"));
        Assert.True(ignore.IsExcluded("README-secret.md"));
        Assert.False(new DockerIgnore(null).IsExcluded("anything"));
    }
}
