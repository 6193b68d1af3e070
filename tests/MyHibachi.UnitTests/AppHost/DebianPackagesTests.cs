using MyHibachi.AppHost.Infrastructure;

namespace MyHibachi.UnitTests.AppHost;

public sealed class DebianPackagesTests
{
    [Fact]
    public void Nothing_runs_when_every_package_is_installed()
    {
        var log = new StringWriter();

        DebianPackages.EnsureInstalled([new RequiredPackage("present-a", () => true), new RequiredPackage("present-b", () => true)], log);

        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void Root_installs_every_missing_package_in_one_serialised_apt_run()
    {
        var command = DebianPackages.InstallCommand(["redis-server", "rabbitmq-server"], DebianPackages.Privilege.Root);

        Assert.NotNull(command);
        Assert.Equal("flock", command[0]);
        Assert.Contains("apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends redis-server rabbitmq-server", command[^1]);
    }

    [Fact]
    public void Password_less_sudo_installs_through_sudo()
    {
        var command = DebianPackages.InstallCommand(["chromium"], DebianPackages.Privilege.PasswordlessSudo);

        Assert.Equal(["sudo", "-n", "flock"], command![..3]);
    }

    [Fact]
    public void A_user_without_sudo_gets_no_command_and_one_clear_message()
    {
        Assert.Null(DebianPackages.InstallCommand(["redis-server"], DebianPackages.Privilege.None));

        var message = DebianPackages.NotInstalledMessage(["redis-server", "rabbitmq-server"]);

        Assert.Contains("sudo apt-get update && sudo apt-get install -y redis-server rabbitmq-server", message);
    }
}
