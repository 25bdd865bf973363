using System.Text;
using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

public sealed class CredentialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("headroom-creds").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string json)
    {
        json = System.Text.RegularExpressions.Regex.Replace(json, "B64:(.*?):B64", m => B64(m.Groups[1].Value));
        string path = Path.Combine(_dir, "config.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Reads_base64_auths_by_host_and_docker_hub_url_keys()
    {
        string path = Config("""
            {"auths":{
              "https://index.docker.io/v1/":{"auth":"B64:hubuser:hubpass:B64"},
              "127.0.0.1:5000":{"auth":"B64:me:p:w:B64"},
              "https://ghcr.io":{"username":"gh","password":"tok"}}}
            """);
        var provider = new DockerConfigCredentialProvider(path, (_, _) => null);
        Assert.Equal(new RegistryCredential("hubuser", "hubpass"), provider.Find("docker.io"));
        Assert.Equal(new RegistryCredential("me", "p:w"), provider.Find("127.0.0.1:5000"));
        Assert.Equal(new RegistryCredential("gh", "tok"), provider.Find("ghcr.io"));
        Assert.Null(provider.Find("quay.io"));
    }

    [Fact]
    public void Cred_helpers_win_and_get_the_server_url()
    {
        string path = Config("""
            {"credsStore":"desktop","credHelpers":{"ghcr.io":"gh"},
             "auths":{"ghcr.io":{"auth":"B64:file:fallback:B64"}}}
            """);
        var calls = new List<(string Program, string Server)>();
        var provider = new DockerConfigCredentialProvider(path, (program, server) =>
        {
            calls.Add((program, server));
            return program == "docker-credential-gh" ? """{"ServerURL":"ghcr.io","Username":"helper","Secret":"s3"}""" : null;
        });
        Assert.Equal(new RegistryCredential("helper", "s3"), provider.Find("ghcr.io"));
        Assert.Equal(("docker-credential-gh", "ghcr.io"), calls[0]);

        // credsStore for Docker Hub: the helper is absent (null), so no credentials and no error.
        Assert.Null(provider.Find("docker.io"));
        Assert.Equal(("docker-credential-desktop", "https://index.docker.io/v1/"), calls[1]);
    }

    [Fact]
    public void Missing_helper_falls_back_to_auths()
    {
        string path = Config("""{"credsStore":"nowhere","auths":{"ghcr.io":{"auth":"B64:file:fallback:B64"}}}""");
        var provider = new DockerConfigCredentialProvider(path, (_, _) => null);
        Assert.Equal(new RegistryCredential("file", "fallback"), provider.Find("ghcr.io"));
    }

    [Fact]
    public void Identity_tokens_and_unreadable_files()
    {
        var provider = new DockerConfigCredentialProvider(Config("""{"auths":{"r.example":{"identitytoken":"refresh"}}}"""), (_, _) => null);
        RegistryCredential? token = provider.Find("r.example");
        Assert.True(token?.IsIdentityToken);
        Assert.DoesNotContain("refresh", token!.ToString(), StringComparison.Ordinal);

        Assert.Null(new DockerConfigCredentialProvider(Config("{ not json"), (_, _) => null).Find("r.example"));
        Assert.Null(new DockerConfigCredentialProvider(Path.Combine(_dir, "absent.json"), (_, _) => null).Find("r.example"));
    }

    [Fact]
    public void Runs_a_real_helper_program_from_path()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("a shell-script helper needs a unix shell");
        }

        string helper = Path.Combine(_dir, "docker-credential-headroomtest");
        File.WriteAllText(helper, "#!/bin/sh\nread server\nprintf '{\"Username\":\"u-%s\",\"Secret\":\"s\"}' \"$server\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string path = Config("""{"credHelpers":{"reg.example":"headroomtest"}}""");
        string? oldPath = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", _dir + Path.PathSeparator + oldPath);
            Assert.Equal(new RegistryCredential("u-reg.example", "s"), new DockerConfigCredentialProvider(path).Find("reg.example"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", oldPath);
        }
    }
}
