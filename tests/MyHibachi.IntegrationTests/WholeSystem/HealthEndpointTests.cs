using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using MyHibachi.TestSupport;

using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.WholeSystem;

[Collection(ApiCollection.Name)]
public sealed class HealthEndpointTests(ApiAppHost host)
{
    [Fact]
    public void Every_resource_is_running_and_healthy()
    {
        var notifications = host.App.ResourceNotifications;
        foreach (var resource in host.WaitedResources())
        {
            Assert.True(notifications.TryGetCurrentState(resource.Name, out var state), $"{resource.Name} has no state");
            Assert.Equal(KnownResourceStates.Running, state!.Snapshot.State?.Text);
            Assert.True(state.Snapshot.HealthStatus is null or Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                $"{resource.Name} is {state.Snapshot.HealthStatus}");
        }

        var names = host.WaitedResources().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { ResourceNames.Postgres, ResourceNames.Redis, ResourceNames.RabbitMq, ResourceNames.Api, ResourceNames.Web, ResourceNames.Workers }, names);
    }

    [Theory]
    [InlineData(ResourceNames.Api, "/health", new[] { "self", "postgres", "redis", "rabbitmq" })]
    [InlineData(ResourceNames.Api, "/health/ready", new[] { "postgres", "redis", "rabbitmq" })]
    [InlineData(ResourceNames.Api, "/health/live", new[] { "self" })]
    [InlineData(ResourceNames.Web, "/health", new[] { "self", "api", "redis" })]
    [InlineData(ResourceNames.Web, "/health/ready", new[] { "api", "redis" })]
    [InlineData(ResourceNames.Web, "/health/live", new[] { "self" })]
    public async Task Health_endpoint_answers_healthy_json_naming_each_check(string resource, string path, string[] expectedChecks)
    {
        using var client = host.CreateHttpClient(resource);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(expectedChecks.Order(), checks.Keys.Order());
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
    }

    [Fact]
    public async Task Web_readiness_carries_the_api_s_own_checks()
    {
        using var client = host.CreateHttpClient(ResourceNames.Web);

        using var body = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));

        var api = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "api");
        var data = api.GetProperty("data");
        Assert.Equal("Healthy", data.GetProperty("postgres").GetString());
        Assert.Equal("Healthy", data.GetProperty("rabbitmq").GetString());
    }
}
