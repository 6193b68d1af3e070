using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
}

/// <summary>
/// Fixed one-minute windows counted in Redis, so every Api replica shares one count per client.
/// Over the limit: 429 with Retry-After. If Redis is unreachable each replica counts in memory
/// instead (the limit then holds per replica) until Redis answers again.
/// </summary>
public sealed class RedisRateLimiter(
    IServiceProvider services, IOptions<RateLimitOptions> options, TimeProvider clock, ILogger<RedisRateLimiter> logger) : IMiddleware
{
    private const string Script = "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('EXPIRE', KEYS[1], 70) end return c";

    private static readonly string[] AuthPaths = ["/api/auth/login", "/api/auth/register", "/api/auth/refresh", "/api/auth/confirm-email", "/api/auth/service-token"];

    private static readonly ConcurrentDictionary<string, int> LocalCounts = new();

    private static long _localWindow;

    private static long _lastWarning;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var settings = options.Value;
        var path = context.Request.Path;
        if (!settings.Enabled || !path.StartsWithSegments("/api") || context.User.IsInRole(Roles.Service))
        {
            await next(context);
            return;
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var isAuth = AuthPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
        var (policy, limit) = isAuth ? ("auth", settings.AuthPermitPerMinute) : ("api", settings.PermitPerMinute);

        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / 60;
        var count = await CountAsync($"rl:{policy}:{ip}:{window}", window);
        var retryAfter = 60 - (int)(now.ToUnixTimeSeconds() % 60);
        context.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        if (count > limit)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = $"Try again in {retryAfter} seconds." },
            });
            return;
        }

        await next(context);
    }

    private async Task<long> CountAsync(string key, long window)
    {
        try
        {
            var redis = services.GetRequiredService<IConnectionMultiplexer>();
            return (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, [key]);
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

            return LocalCounts.AddOrUpdate(key, 1, (_, c) => c + 1);
        }
    }
}
