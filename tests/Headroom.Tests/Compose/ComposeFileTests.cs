using Headroom.Compose;
using Headroom.Tests.Workflows;
using Headroom.Text;

namespace Headroom.Tests.Compose;

public sealed class ComposeFileTests
{
    [Fact]
    public void Example_compose_services_build_and_ports()
    {
        ComposeFile file = ComposeFile.Read(TestData.Read("ml-backend-compose.yml"), "docker-compose.yml");
        Assert.Empty(file.Diagnostics);
        Assert.Equal(["backend", "frontend"], file.Services.Select(s => s.Name));

        ComposeService backend = file.Services[0];
        Assert.Equal(new LinePosition(4, 3), backend.Start);
        Assert.Equal("ml-backend:latest", backend.Image!.Value);
        Assert.Equal("./backend", backend.Build!.ContextPath);
        Assert.Equal("Dockerfile", backend.Build.DockerfilePath);
        Assert.Equal("8000:8000", backend.Ports.Single().AsString());

        ComposeService frontend = file.Services[1];
        Assert.Null(frontend.Image);
        Assert.Equal("./frontend", frontend.Build!.Context!.Value);
        ComposeBuildArg arg = Assert.Single(frontend.Build.Args);
        Assert.Equal(("VITE_API_URL", "http://localhost:8000"), (arg.Name, arg.Value));
        Assert.Equal(new LinePosition(23, 9), arg.Node.Start);
        Assert.Equal(["backend"], frontend.DependsOn);
    }

    [Fact]
    public void Long_build_form_and_list_args()
    {
        ComposeFile file = ComposeFile.Read("""
            services:
              api:
                build:
                  context: .
                  dockerfile: docker/api.Dockerfile
                  target: runtime
                  args:
                    - PYTHON=3.12
                    - TOKEN
            """);
        ComposeBuild build = file.FindService("api")!.Build!;
        Assert.Equal(("docker/api.Dockerfile", "runtime"), (build.DockerfilePath, build.Target!.Value));
        Assert.Equal([("PYTHON", "3.12"), ("TOKEN", null)], build.Args.Select(a => (a.Name, a.Value)));
    }
}
