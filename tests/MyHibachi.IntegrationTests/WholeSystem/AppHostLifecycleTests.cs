using System.Net;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.WholeSystem;

/// <summary>Runs its own AppHosts: stopping one must leave nothing running, and a second run on the same data must start.</summary>
public sealed class AppHostLifecycleTests
{
    [Fact]
    public async Task Stopping_leaves_no_server_process_and_a_second_run_on_the_same_data_starts_healthy()
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), "myhibachi-tests", "lifecycle-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            for (var run = 1; run <= 2; run++)
            {
                var host = new HibachiAppHost { DataRoot = dataRoot };
                await host.InitializeAsync();
                try
                {
                    var servers = ServerProcesses.Under(dataRoot);
                    Assert.Contains(servers, p => p.Command.Contains("/bin/postgres", StringComparison.Ordinal));
                    Assert.Contains(servers, p => p.Command.StartsWith("redis-server", StringComparison.Ordinal));
                    Assert.Contains(servers, p => p.Command.Contains("beam.smp", StringComparison.Ordinal));
                    Assert.Contains(servers, p => p.Command.StartsWith("epmd", StringComparison.Ordinal));

                    using var api = host.CreateHttpClient(ResourceNames.Api);
                    Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);
                }
                finally
                {
                    await host.App.DisposeAsync();
                }

                var leftOver = await ServerProcesses.WaitUntilNoneUnderAsync(dataRoot, TimeSpan.FromSeconds(30));
                Assert.True(leftOver.Count == 0, $"run {run} left: {string.Join("; ", leftOver.Select(p => p.Command))}");
            }
        }
        finally
        {
            if (Directory.Exists(dataRoot))
            {
                Directory.Delete(dataRoot, recursive: true);
            }
        }
    }
}
