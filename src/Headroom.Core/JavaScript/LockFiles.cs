using Headroom.Project;

namespace Headroom.JavaScript;

/// <summary>Which JavaScript lock files a folder holds (only that folder: npm and setup-node do not search).</summary>
public sealed record LockFiles(string Folder, bool PackageLock, bool NpmShrinkwrap, bool YarnLock, bool PnpmLock, bool BunLock)
{
    /// <summary>What <c>npm ci</c> accepts: package-lock.json or npm-shrinkwrap.json.</summary>
    public bool HasNpmLock => PackageLock || NpmShrinkwrap;

    public bool HasAny => HasNpmLock || YarnLock || PnpmLock || BunLock;

    public static LockFiles Find(IRepositoryFiles files, string folder)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(folder);
        string dir = RepositoryPath.Normalize(folder) ?? folder;
        bool Has(string name) => files.FileExists(RepositoryPath.Combine(dir, name) ?? name);
        return new LockFiles(dir, Has("package-lock.json"), Has("npm-shrinkwrap.json"), Has("yarn.lock"), Has("pnpm-lock.yaml"), Has("bun.lock") || Has("bun.lockb"));
    }
}
