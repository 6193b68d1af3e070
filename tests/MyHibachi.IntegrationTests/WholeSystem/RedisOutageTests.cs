using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.WholeSystem;

/// <summary>
/// Redis going away degrades the system instead of stopping it: probes say "Degraded" (still 200),
/// quotes and pages are served, and everything is healthy again once Redis is back. Runs its own
/// AppHost, since it stops one of the servers.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly HibachiAppHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Without_redis_the_api_and_site_are_degraded_but_serve_and_recover_when_it_returns()
    {
        using var api = _host.CreateHttpClient(ResourceNames.Api);
        using var web = _host.CreateHttpClient(ResourceNames.Web);

        await _host.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.Redis, KnownResourceCommands.StopCommand);
        await _host.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Redis,
            e => e.Snapshot.State?.Text is "Exited" or "Finished");

        var apiReady = await WaitForStatusAsync(api, "Degraded");
        Assert.Equal("Degraded", apiReady.Checks["redis"]);
        Assert.Equal("Healthy", apiReady.Checks["postgres"]);
        Assert.Equal("Healthy", apiReady.Checks["rabbitmq"]);

        using var quote = await api.PostAsJsonAsync("/api/quote/calculate", new { zip = "30305", adults = 12, children = 2 });
        Assert.Equal(HttpStatusCode.Created, quote.StatusCode);
        var webReady = await WaitForStatusAsync(web, "Degraded");
        Assert.Equal("Degraded", webReady.Checks["redis"]);
        using var home = await web.GetAsync("/quote");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        await _host.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.Redis, KnownResourceCommands.StartCommand);
        await _host.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Redis);
        Assert.Equal("Healthy", (await WaitForStatusAsync(api, "Healthy")).Checks["redis"]);
        Assert.Equal("Healthy", (await WaitForStatusAsync(web, "Healthy")).Checks["redis"]);
    }

    /// <summary>Polls /health/ready (answered 200 throughout) until its overall status is the one expected.</summary>
    private static async Task<(string Status, Dictionary<string, string> Checks)> WaitForStatusAsync(HttpClient client, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{client.BaseAddress}health/ready answered {(int)response.StatusCode}: {body}");
            using var json = JsonDocument.Parse(body);
            var status = json.RootElement.GetProperty("status").GetString()!;
            var checks = json.RootElement.GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
            if (status == expected)
            {
                return (status, checks);
            }

            Assert.True(DateTime.UtcNow < deadline, $"{client.BaseAddress}health/ready still {status} after 45 s: {body}");
            await Task.Delay(500);
        }
    }
}
