using System.Net;
using Headroom.Images.Remote;

namespace Headroom.Tests.Images.Remote;

public sealed class DockerEngineClientTests
{
    [Theory]
    [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock")]
    [InlineData("/run/user/1000/podman/podman.sock", "unix:///run/user/1000/podman/podman.sock")]
    [InlineData("tcp://127.0.0.1:2375", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://docker-host", "tcp://docker-host:2375")]
    [InlineData("tcp://[::1]:2376", "tcp://[::1]:2376")]
    public void Parses_docker_host(string value, string expected)
    {
        Assert.Equal(expected, DockerEndpoint.Parse(value).ToString());
    }

    [Theory]
    [InlineData("ssh://me@host", "docker-daemon: invalid DOCKER_HOST 'ssh://me@host': the ssh scheme is not supported (use unix:// or tcp://)")]
    [InlineData("unix://", "docker-daemon: invalid DOCKER_HOST 'unix://': no socket path")]
    public void Rejects_unsupported_docker_hosts(string value, string message)
    {
        Assert.Equal(message, Assert.Throws<RemoteImageException>(() => DockerEndpoint.Parse(value)).Message);
    }

    [Fact]
    public void Environment_order_is_docker_host_then_docker_sock_then_podman()
    {
        var env = new Dictionary<string, string?> { ["XDG_RUNTIME_DIR"] = "/run/user/7" };
        string? Get(string k) => env.GetValueOrDefault(k);

        Assert.Equal("unix:///var/run/docker.sock", DockerEndpoint.FromEnvironment(Get, p => p == "/var/run/docker.sock").ToString());
        Assert.Equal("unix:///run/user/7/podman/podman.sock", DockerEndpoint.FromEnvironment(Get, p => p == "/run/user/7/podman/podman.sock").ToString());
        Assert.Equal("unix:///var/run/docker.sock", DockerEndpoint.FromEnvironment(Get, _ => false).ToString());
        env["DOCKER_HOST"] = "tcp://127.0.0.1:1234";
        Assert.Equal("tcp://127.0.0.1:1234", DockerEndpoint.FromEnvironment(Get, _ => true).ToString());
        env["DOCKER_TLS_VERIFY"] = "1";
        Assert.Contains("TLS", Assert.Throws<RemoteImageException>(() => DockerEndpoint.FromEnvironment(Get, _ => true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_socket_is_one_clear_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"headroom-absent-{Guid.NewGuid():N}.sock");
        using var client = new DockerEngineClient(new DockerEndpoint(path, null, 0));
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.PingAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"docker-daemon unix://{path}: no Docker API socket there (start Docker or `podman system service`, or set DOCKER_HOST)", e.Message);
    }

    [Fact]
    public async Task Unknown_image_and_server_errors()
    {
        var handler = new FakeHttpHandler(r => r.RequestUri!.AbsolutePath.Contains("missing", StringComparison.Ordinal)
            ? FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"No such image: missing:1"}""")
            : FakeHttpHandler.Json(HttpStatusCode.InternalServerError, """{"message":"storage is broken\nsecond line"}"""));
        using var client = new DockerEngineClient(new DockerEndpoint(null, "127.0.0.1", 2375), null, handler);
        RemoteImageException e = await Assert.ThrowsAsync<RemoteImageException>(() => client.InspectImageAsync("missing:1", TestContext.Current.CancellationToken));
        Assert.Equal("docker-daemon tcp://127.0.0.1:2375: no such image: missing:1 (404)", e.Message);
        e = await Assert.ThrowsAsync<RemoteImageException>(() => client.ExportImageAsync("app:1", TestContext.Current.CancellationToken));
        Assert.Equal("docker-daemon tcp://127.0.0.1:2375: storage is broken for app:1 (500)", e.Message);
        Assert.Equal("http://127.0.0.1:2375/images/app:1/get", handler.Requests[^1].Uri.ToString());
    }

    [Fact]
    public async Task Inspect_reads_id_size_and_platform()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Json(HttpStatusCode.OK, """{"Id":"sha256:abc","Size":1234,"RepoTags":["a:1"],"Os":"linux","Architecture":"arm64","Variant":"v8"}"""));
        using var client = new DockerEngineClient(new DockerEndpoint(null, "localhost", 2375), null, handler);
        DockerImageInfo info = await client.InspectImageAsync("localhost/a/b:1", TestContext.Current.CancellationToken);
        Assert.Equal(new DockerImageInfo("sha256:abc", 1234, info.RepoTags, "linux", "arm64", "v8"), info);
        Assert.Equal(["a:1"], info.RepoTags);
        Assert.Equal("/images/localhost/a/b:1/json", handler.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Rejects_names_that_would_change_the_path()
    {
        using var client = new DockerEngineClient(new DockerEndpoint(null, "localhost", 2375), null, new FakeHttpHandler(_ => new HttpResponseMessage()));
        await Assert.ThrowsAsync<RemoteImageException>(() => client.InspectImageAsync("../containers/x", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<RemoteImageException>(() => client.InspectImageAsync("a?b", TestContext.Current.CancellationToken));
    }
}
