using Headroom.Shell;
using Headroom.Shell.Invocations;

namespace Headroom.Tests.Shell;

public sealed class AptInvocationTests
{
    private static AptInvocation Apt(string text) => Assert.Single(ShellScript.Analyze(text).InvocationsOf<AptInvocation>());

    [Theory]
    [InlineData("apt-get install -y curl", AptAction.Install)]
    [InlineData("apt install curl", AptAction.Install)]
    [InlineData("apt-get -y install curl", AptAction.Install)]
    [InlineData("apt-get update", AptAction.Update)]
    [InlineData("apt-get -qq update", AptAction.Update)]
    [InlineData("apt-get upgrade -y", AptAction.Upgrade)]
    [InlineData("apt-get dist-upgrade", AptAction.DistUpgrade)]
    [InlineData("apt full-upgrade", AptAction.FullUpgrade)]
    [InlineData("apt-get clean", AptAction.Clean)]
    [InlineData("apt-get autoclean", AptAction.AutoClean)]
    [InlineData("apt-get purge -y --auto-remove build-essential", AptAction.Purge)]
    [InlineData("apt-get remove x", AptAction.Remove)]
    [InlineData("apt-get autoremove -y", AptAction.AutoRemove)]
    [InlineData("apt-get source x", AptAction.Other)]
    [InlineData("apt-get", AptAction.None)]
    public void Actions(string text, AptAction action)
    {
        Assert.Equal(action, Apt(text).Action);
    }

    [Theory]
    [InlineData("apt-get install -y x", true)]
    [InlineData("apt-get install --yes x", true)]
    [InlineData("apt-get install --assume-yes x", true)]
    [InlineData("apt-get install -qqy x", true)]
    [InlineData("apt-get -yq install x", true)]
    [InlineData("apt-get install -o APT::Get::Assume-Yes=true x", true)]
    [InlineData("apt-get install x", false)]
    [InlineData("apt-get install -q x", false)]
    public void Assume_yes(string text, bool expected)
    {
        Assert.Equal(expected, Apt(text).AssumeYes);
    }

    [Theory]
    [InlineData("apt-get install -y --no-install-recommends x", true)]
    [InlineData("apt-get install -y -o APT::Install-Recommends=false x", true)]
    [InlineData("apt-get install -y -o APT::Install-Recommends=0 x", true)]
    [InlineData("apt-get install -y -o 'APT::Install-Recommends=\"false\"' x", true)]
    [InlineData("apt-get install -y --option=APT::Install-Recommends=no x", true)]
    [InlineData("apt-get install -y -oAPT::Install-Recommends=false x", true)]
    [InlineData("apt-get install -y -o APT::Install-Recommends=true x", false)]
    [InlineData("apt-get install -y -o Dpkg::Options::=--force-confnew x", false)]
    [InlineData("apt-get install -y x", false)]
    public void No_install_recommends(string text, bool expected)
    {
        AptInvocation apt = Apt(text);
        Assert.Equal(expected, apt.NoInstallRecommends);
        Assert.Equal(["x"], apt.Packages.Select(p => p.Name));
    }

    [Fact]
    public void Packages_with_versions_files_and_variables()
    {
        AptInvocation apt = Apt("apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 libpq-dev python3.11 libc6:amd64 ./pkg.deb /tmp/x_1.0_amd64.deb $EXTRA_PKGS git/bookworm-backports");
        Assert.Equal(
            [PackageOperandKind.Name, PackageOperandKind.Name, PackageOperandKind.Name, PackageOperandKind.Name, PackageOperandKind.Archive,
                PackageOperandKind.Archive, PackageOperandKind.Dynamic, PackageOperandKind.Name],
            apt.Packages.Select(p => p.Kind));
        Assert.Equal(["curl", "libpq-dev", "python3.11", "libc6:amd64", null, "x", null, "git"], apt.Packages.Select(p => p.Name));
        Assert.Equal("=7.88.1-10+deb12u5", apt.Packages[0].Version);
        Assert.Equal("/bookworm-backports", apt.Packages[7].Version);
    }

    [Fact]
    public void Target_release_value_is_not_a_package()
    {
        AptInvocation apt = Apt("apt-get install -y -t bookworm-backports curl");
        Assert.Equal(["curl"], apt.Packages.Select(p => p.Name));
        Assert.Equal("bookworm-backports", apt.FindOption("--target-release")!.Value);
    }

    [Fact]
    public void Quiet_level_counts_clustered_q()
    {
        Assert.Equal(2, Apt("apt-get -qq update").QuietLevel);
    }

    [Fact]
    public void Flag_insertion_offset_is_after_the_action()
    {
        const string text = "DEBIAN_FRONTEND=noninteractive apt-get install -y curl";
        AptInvocation apt = Apt(text);
        Assert.Equal("DEBIAN_FRONTEND=noninteractive apt-get install", text[..apt.FlagInsertionOffset]);
        Assert.Equal("noninteractive", apt.Environment.Find("DEBIAN_FRONTEND")!.Value);
    }
}
