using Headroom.IO;

namespace Headroom.Tests.IO;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-atomic-").FullName;
        try
        {
            string path = Path.Combine(dir, "Dockerfile");
            File.WriteAllText(path, "FROM debian\n");

            Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
            {
                stream.Write("FROM debian:bookworm-slim\nRUN"u8);
                throw new IOException("disk full");
            }));

            Assert.Equal("FROM debian\n", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_write_replaces_the_whole_file_and_keeps_its_permissions()
    {
        string dir = Directory.CreateTempSubdirectory("headroom-atomic-").FullName;
        try
        {
            string path = Path.Combine(dir, "entrypoint.sh");
            File.WriteAllText(path, "#!/bin/sh\necho a long old line that is longer than the new one\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            AtomicFile.Write(path, stream => stream.Write("#!/bin/sh\necho b\n"u8));

            Assert.Equal("#!/bin/sh\necho b\n", File.ReadAllText(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
            Assert.Equal([path], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
