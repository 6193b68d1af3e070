using Microsoft.Extensions.Configuration;
using MyHibachi.AppHost.Infrastructure;

namespace MyHibachi.UnitTests.AppHost;

public sealed class InfraSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Theory]
    [InlineData("local", InfraMode.Local)]
    [InlineData("LOCAL", InfraMode.Local)]
    [InlineData("containers", InfraMode.Containers)]
    public void Explicit_mode_is_taken_as_given(string configured, InfraMode expected)
    {
        var settings = InfraSettings.FromConfiguration(Configuration(("Infra:Mode", configured)), "/srv/repo/MyHibachi.AppHost");

        Assert.Equal(expected, settings.Mode);
    }

    [Fact]
    public void Unknown_mode_fails_at_start_with_the_allowed_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            InfraSettings.FromConfiguration(Configuration(("Infra:Mode", "kubernetes")), "/srv/repo/MyHibachi.AppHost"));

        Assert.Contains("kubernetes", error.Message);
        Assert.Contains("auto, local, containers", error.Message);
    }

    [Fact]
    public void Configured_data_root_is_made_absolute()
    {
        var settings = InfraSettings.FromConfiguration(
            Configuration(("Infra:Mode", "local"), ("Infra:DataRoot", "/var/tmp/x/../hibachi-data")), "/srv/repo/MyHibachi.AppHost");

        Assert.Equal("/var/tmp/hibachi-data", settings.DataRoot);
    }

    [Fact]
    public void Default_data_root_is_a_folder_the_postgres_user_can_reach()
    {
        // A checkout under a folder others cannot enter (like /root) must not hold the PostgreSQL data.
        var closed = Directory.CreateTempSubdirectory("closed-");
        try
        {
            File.SetUnixFileMode(closed.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var repository = Directory.CreateDirectory(Path.Combine(closed.FullName, "repo"));

            var settings = InfraSettings.FromConfiguration(Configuration(("Infra:Mode", "local")), Path.Combine(repository.FullName, "MyHibachi.AppHost"));

            if (Environment.IsPrivilegedProcess)
            {
                Assert.StartsWith("/var/tmp/myhibachi-", settings.DataRoot);
            }
            else
            {
                // Not root: PostgreSQL runs as the developer, who can reach their own checkout.
                Assert.Equal(Path.Combine(repository.FullName, ".data"), settings.DataRoot);
            }
        }
        finally
        {
            closed.Delete(recursive: true);
        }
    }

    [Fact]
    public void Default_data_root_sits_in_the_repository_when_every_parent_is_open()
    {
        var open = Directory.CreateTempSubdirectory("open-");
        try
        {
            File.SetUnixFileMode(open.FullName, (UnixFileMode)0b111_101_101);
            var repository = Directory.CreateDirectory(Path.Combine(open.FullName, "repo"));

            var settings = InfraSettings.FromConfiguration(Configuration(("Infra:Mode", "local")), Path.Combine(repository.FullName, "MyHibachi.AppHost"));

            Assert.Equal(Path.Combine(repository.FullName, ".data"), settings.DataRoot);
        }
        finally
        {
            open.Delete(recursive: true);
        }
    }
}
