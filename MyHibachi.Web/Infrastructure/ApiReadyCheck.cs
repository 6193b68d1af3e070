using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyHibachi.Web.Infrastructure;

/// <summary>
/// The site can only serve when the Api can: Web never opens PostgreSQL or RabbitMQ itself, so it
/// reports the Api's readiness, with the Api's own checks (PostgreSQL, Redis, RabbitMQ) as data.
/// </summary>
public sealed class ApiReadyCheck(HttpClient http) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready", cancellationToken);
            var data = new Dictionary<string, object>();
            var degraded = false;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                degraded = body.RootElement.TryGetProperty("status", out var status) && status.GetString() == nameof(HealthStatus.Degraded);
                if (body.RootElement.TryGetProperty("checks", out var checks))
                {
                    foreach (var check in checks.EnumerateArray())
                    {
                        data[check.GetProperty("name").GetString()!] = check.GetProperty("status").GetString()!;
                    }
                }
            }

            return response.IsSuccessStatusCode
                ? degraded ? HealthCheckResult.Degraded("The Api is ready on its fallbacks.", data: data) : HealthCheckResult.Healthy("The Api is ready.", data)
                : HealthCheckResult.Unhealthy($"The Api answered {(int)response.StatusCode}.", data: data);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return HealthCheckResult.Unhealthy("The Api is unreachable.", exception);
        }
    }
}
