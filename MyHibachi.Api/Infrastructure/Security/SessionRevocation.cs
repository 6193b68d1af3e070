using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using StackExchange.Redis;

namespace MyHibachi.Api.Infrastructure.Security;

/// <summary>
/// Ends access tokens before they expire. Each token names its account's security stamp and its
/// sign-in session; every request compares them with the current state, read from Redis in one round
/// trip (MGET) and filled from PostgreSQL on a miss, so no request pays a database read while Redis
/// answers. Deactivation, role or password changes write the new stamp, and sign-out or a revoked
/// refresh family marks the session ended, in Redis at once: the next request with an old token
/// gets 401 on every replica. Without Redis each replica reads PostgreSQL (cached 5 seconds).
/// </summary>
public sealed class SessionRevocation(
    IServiceProvider services, IServiceScopeFactory scopes, IMemoryCache memory, IOptions<AuthOptions> options, ILogger<SessionRevocation> logger)
{
    private const string Inactive = "inactive";
    private const string Ended = "ended";
    private const string Live = "live";

    // A miss is filled from PostgreSQL; this bounds how stale a value can be after a write was lost in a Redis outage.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan OutageCacheLifetime = TimeSpan.FromSeconds(5);

    public static string StampKey(Guid userId) => $"auth:stamp:{userId}";

    public static string SessionKey(Guid sessionId) => $"auth:session:{sessionId}";

    /// <summary>True when the token's account is still active with the same stamp and its session has not ended.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.IsInRole(Roles.Service))
        {
            return true; // client-credentials tokens have no account or session
        }

        if (!Guid.TryParse(principal.FindFirstValue(ClaimNames.Subject), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.Session), out var sessionId)
            || principal.FindFirstValue(ClaimNames.SecurityStamp) is not { Length: > 0 } stamp)
        {
            return false;
        }

        var state = await StateAsync(userId, sessionId, cancellationToken);
        return state.Stamp == stamp && state.Session == Live;
    }

    /// <summary>The account's stamp changed (roles, password, deactivation): its older tokens stop working.</summary>
    public Task AccountChangedAsync(Guid userId, string stamp, bool active) =>
        WriteAsync(StampKey(userId), active ? stamp : Inactive, CacheLifetime);

    /// <summary>The session was signed out or its refresh family revoked: its access tokens stop working.</summary>
    public Task SessionEndedAsync(Guid sessionId) =>
        WriteAsync(SessionKey(sessionId), Ended, TimeSpan.FromMinutes(options.Value.AccessTokenMinutes + 1));

    private async Task<(string? Stamp, string? Session)> StateAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var redis = services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            var values = await redis.StringGetAsync([StampKey(userId), SessionKey(sessionId)]);
            if (!values[0].IsNull && !values[1].IsNull)
            {
                return (values[0], values[1]);
            }

            var loaded = await LoadAsync(userId, sessionId, cancellationToken);
            // Only fill what is missing: a value written meanwhile by a change must not be overwritten.
            await redis.StringSetAsync(StampKey(userId), loaded.Stamp, CacheLifetime, When.NotExists);
            await redis.StringSetAsync(SessionKey(sessionId), loaded.Session, CacheLifetime, When.NotExists);
            return (values[0].IsNull ? loaded.Stamp : values[0], values[1].IsNull ? loaded.Session : values[1]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            return await memory.GetOrCreateAsync($"session-state:{userId}:{sessionId}", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = OutageCacheLifetime;
                return await LoadAsync(userId, sessionId, cancellationToken);
            });
        }
    }

    private async Task<(string Stamp, string Session)> LoadAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HibachiDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsActive, Ended = db.RefreshTokens.Any(t => t.FamilyId == sessionId && t.RevokedAt != null) })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? (Inactive, Ended) : (row.IsActive ? row.SecurityStamp : Inactive, row.Ended ? Ended : Live);
    }

    private async Task WriteAsync(string key, string value, TimeSpan lifetime)
    {
        try
        {
            await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringSetAsync(key, value, lifetime);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // PostgreSQL already holds the change; other replicas see it once their cached value expires.
            logger.LogWarning("Could not publish {Key} to Redis ({Error}); it takes effect within {Seconds} s.", key, exception.Message, CacheLifetime.TotalSeconds);
        }
    }
}
