using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace MyHibachi.ServiceDefaults.Health;

/// <summary>
/// Redis answers a PING. A service that keeps serving without Redis registers this check with
/// <see cref="HealthStatus.Degraded"/> as its failure status: ready, but running on its fallbacks.
/// </summary>
public sealed class RedisReadyCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failure = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        if (!redis.IsConnected)
        {
            return new HealthCheckResult(failure, "Not connected to Redis; reconnecting in the background.");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new HealthCheckResult(failure, "Redis does not answer.", exception);
        }
    }
}

/// <summary>How the services connect to Redis.</summary>
public static class RedisConnection
{
    /// <summary>
    /// Commands fail at once while Redis is down (the callers have fallbacks) instead of queueing
    /// until a timeout, and the connection keeps retrying in the background.
    /// </summary>
    public static void FailFast(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2_000;
        options.AsyncTimeout = 2_000;
        options.SyncTimeout = 2_000;
    }
}

/// <summary>The RabbitMQ connection is open.</summary>
public sealed class RabbitMqReadyCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = services.GetRequiredService<IConnection>();
            return Task.FromResult(connection.IsOpen
                ? HealthCheckResult.Healthy($"Connected to {connection.Endpoint}.")
                : HealthCheckResult.Unhealthy($"The connection to {connection.Endpoint} is closed; it recovers on its own."));
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("RabbitMQ is unreachable.", exception));
        }
    }
}
