namespace Headroom.IO;

/// <summary>Writes a file so that readers see either the old content or the whole new content.</summary>
public static class AtomicFile
{
    /// <summary>Writes to a temporary file next to <paramref name="path"/> (flushed to disk), then renames it over, keeping the old file's permissions.</summary>
    public static void Write(string path, Action<Stream> write) => Write(path, write, flushToDisk: true);

    /// <summary>
    /// As <see cref="Write(string, Action{Stream})"/>; with <paramref name="flushToDisk"/> false the temporary file is not
    /// flushed to the disk before the rename (no <c>fsync</c>): readers still see the old or the whole new content, but a
    /// crash of the machine may leave a shorter file. For caches that can tell a damaged entry (one fsync costs from
    /// under a millisecond to tens of milliseconds, and a cold prediction writes over a hundred entries).
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool flushToDisk)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                // Keep the replaced file's permissions (an executable script stays executable).
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
