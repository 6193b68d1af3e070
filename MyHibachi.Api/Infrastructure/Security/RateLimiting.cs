using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MyHibachi.Api.Infrastructure.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per minute to /api per client IP address (as Cloudflare's rule counts them).</summary>
    [Range(1, 10_000_000)]
    public int PermitPerMinute { get; set; } = 100;

    /// <summary>Requests per minute per IP to sign-in, sign-up, refresh and e-mail confirmation.</summary>
    [Range(1, 10_000_000)]
    public int AuthPermitPerMinute { get; set; } = 10;

    /// <summary>Messages per minute per visitor (client address) to the assistant.</summary>
    [Range(1, 10_000_000)]
    public int ChatPermitPerMinute { get; set; } = 30;
}

/// <summary>The named limits endpoint groups choose with <c>RequireRateLimiting(name)</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Everything under /api unless an endpoint says otherwise.</summary>
    public const string Api = "api";

    /// <summary>Sign-in, sign-up, refresh, e-mail confirmation and service tokens: guessing targets.</summary>
    public const string Auth = "auth";
}

/// <summary>A named limit: requests per minute per client, read from the current options.</summary>
public sealed record RateLimitPolicy(string Name, Func<RateLimitOptions, int> PermitPerMinute);

public static class RateLimitRegistration
{
    /// <summary>Declares a limit that endpoint groups can ask for by name; each feature registers its own.</summary>
    public static IServiceCollection AddRateLimitPolicy(this IServiceCollection services, string name, Func<RateLimitOptions, int> permitPerMinute)
    {
        services.AddSingleton(new RateLimitPolicy(name, permitPerMinute));
        return services;
    }
}

/// <summary>
/// Applies the limit each endpoint declared (<c>RequireRateLimiting</c> metadata; <see cref="RateLimitPolicies.Api"/>
/// for any other /api request, unknown routes included) over a sliding minute counted in
/// Redis, so every Api replica shares one count per client. Over the limit: 429 with Retry-After.
/// If Redis is unreachable each replica counts in memory instead (the limit then holds per
/// replica) until Redis answers again. Service accounts are not limited.
/// </summary>
public sealed class RedisRateLimiter(
    IServiceProvider services, IEnumerable<RateLimitPolicy> policies, IOptions<RateLimitOptions> options, TimeProvider clock,
    ILogger<RedisRateLimiter> logger) : IMiddleware
{
    // The sliding estimate (this minute's count plus the previous minute's, weighted) is compared with the
    // limit in Redis, in one step; only an allowed request is counted, so a client that keeps knocking
    // while refused is let in again as soon as its earlier requests slide out of the minute.
    private const string Script =
        "local c = tonumber(redis.call('GET', KEYS[1]) or '0') local p = tonumber(redis.call('GET', KEYS[2]) or '0') "
        + "if c + math.floor(p * tonumber(ARGV[1])) >= tonumber(ARGV[2]) then return {c, p, 0} end "
        + "c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('EXPIRE', KEYS[1], 130) end return {c, p, 1}";

    private static readonly ConcurrentDictionary<string, int> LocalCounts = new();

    private static long _localWindow;

    private static long _lastWarning;

    private readonly Dictionary<string, RateLimitPolicy> _policies = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var settings = options.Value;
        var endpoint = context.GetEndpoint();
        var declared = endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var policyName = declared ?? (context.Request.Path.StartsWithSegments("/api") ? RateLimitPolicies.Api : null);
        if (!settings.Enabled || policyName is null || endpoint?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null
            || context.User.IsInRole(Roles.Service))
        {
            await next(context);
            return;
        }

        var policy = _policies.TryGetValue(policyName, out var found)
            ? found
            : throw new InvalidOperationException($"No rate limit policy named '{policyName}' is registered.");
        var limit = policy.PermitPerMinute(settings);
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / 60;
        var elapsed = (now.ToUnixTimeMilliseconds() % 60_000) / 60_000d;
        var (current, previous, allowed) = await CountAsync($"rl:{{{policy.Name}:{ip}}}:", window, elapsed, limit);
        var count = SlidingWindow.Estimate(previous, current, elapsed);
        context.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        if (!allowed)
        {
            var retryAfter = SlidingWindow.RetryAfterSeconds(previous, current + 1, elapsed, limit);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Failure.WithCode(
                    new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 429, Title = "Too many requests.", Detail = $"Try again in {retryAfter} seconds." },
                    ProblemCodes.RateLimited),
            });
            return;
        }

        await next(context);
    }

    private async Task<(long Current, long Previous, bool Allowed)> CountAsync(string prefix, long window, double elapsed, int limit)
    {
        var key = prefix + window.ToString(CultureInfo.InvariantCulture);
        var weight = 1 - Math.Clamp(elapsed, 0, 1);
        try
        {
            var redis = services.GetRequiredService<IConnectionMultiplexer>();
            var counts = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                Script, [key, prefix + (window - 1).ToString(CultureInfo.InvariantCulture)],
                [weight.ToString("R", CultureInfo.InvariantCulture), limit]))!;
            return ((long)counts[0], (long)counts[1], (long)counts[2] == 1);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            if (Interlocked.Exchange(ref _lastWarning, window) != window)
            {
                logger.LogWarning("Rate limiting falls back to this replica's memory: Redis is unreachable ({Error}).", exception.Message);
            }

            if (Interlocked.Exchange(ref _localWindow, window) != window)
            {
                LocalCounts.Clear();
            }

            // Per replica, this minute only: the fallback is a fixed window.
            var local = LocalCounts.GetOrAdd(key, 0);
            if (local >= limit)
            {
                return (local, 0, false);
            }

            return (LocalCounts.AddOrUpdate(key, 1, (_, c) => c + 1), 0, true);
        }
    }
}

/// <summary>
/// The sliding-minute estimate: the previous minute's requests weighted by how much of it still lies
/// within the last sixty seconds, plus this minute's. Unlike fixed windows it does not let a client send
/// twice the limit across a minute boundary.
/// </summary>
public static class SlidingWindow
{
    public static long Estimate(long previous, long current, double elapsedFraction) =>
        current + (long)Math.Floor(previous * (1 - Math.Clamp(elapsedFraction, 0, 1)));

    /// <summary>Seconds until the estimate falls back to the limit (at least 1, at most 60).</summary>
    public static int RetryAfterSeconds(long previous, long current, double elapsedFraction, int limit)
    {
        var remaining = 60 - (int)(Math.Clamp(elapsedFraction, 0, 1) * 60);
        if (current >= limit || previous == 0)
        {
            return Math.Max(1, remaining);
        }

        // previous * (1 - f) + current <= limit  =>  f >= 1 - (limit - current) / previous
        var needed = 1 - (double)(limit - current) / previous;
        var wait = (int)Math.Ceiling((needed - elapsedFraction) * 60);
        return Math.Clamp(wait, 1, 60);
    }
}
