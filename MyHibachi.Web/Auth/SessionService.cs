using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Auth;

/// <summary>
/// The signed-in session. The Api's tokens stay on the server side of the browser: they travel
/// inside the encrypted, HTTP-only auth cookie and never reach page scripts. The access token is
/// refreshed shortly before it expires; a failed refresh signs the user out.
/// </summary>
public sealed class SessionService(IHttpContextAccessor accessor, AuthClient auth, IMemoryCache cache, TimeProvider clock)
{
    public const string PermissionClaim = ClaimNames.Permission;
    public const string RoleClaim = ClaimNames.Role;

    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string ExpiresAt = "access_expires_at";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> RefreshLocks = new();

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    public async Task<ApiResult<TokenResponse>> SignInAsync(string email, string password, bool remember, CancellationToken cancellationToken)
    {
        var result = await auth.LoginAsync(new LoginRequest(email, password), cancellationToken);
        if (result.Succeeded)
        {
            await StartAsync(result.Value!, remember);
        }

        return result;
    }

    public async Task StartAsync(TokenResponse tokens, bool persistent)
    {
        var properties = new AuthenticationProperties
        {
            IsPersistent = persistent,
            ExpiresUtc = persistent ? tokens.RefreshTokenExpiresAt : null,
            AllowRefresh = true,
        };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = AccessToken, Value = tokens.AccessToken },
            new AuthenticationToken { Name = RefreshToken, Value = tokens.RefreshToken },
            new AuthenticationToken { Name = ExpiresAt, Value = tokens.AccessTokenExpiresAt.ToString("O", CultureInfo.InvariantCulture) },
        ]);
        var principal = Principal(tokens.User);
        await Context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
        Context.User = principal;
    }

    public async Task SignOutAsync(CancellationToken cancellationToken)
    {
        var authenticated = await Context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (authenticated.Properties?.GetTokenValue(RefreshToken) is { } refresh)
        {
            await auth.LogoutAsync(new RefreshRequest(refresh), cancellationToken);
        }

        await Context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Forgets the session in this browser (the Api has already ended it): clears the cookie while the response can still carry that.</summary>
    public async Task EndLocallyAsync()
    {
        var context = accessor.HttpContext;
        if (context is null)
        {
            return;
        }

        context.Items.Remove(AccessToken);
        if (!context.Response.HasStarted)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>The current user's access token, refreshed if it expires within a minute; null when signed out.</summary>
    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        if (context is null)
        {
            return null;
        }

        if (context.Items[AccessToken] is string current)
        {
            return current;
        }

        var authenticated = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!authenticated.Succeeded || authenticated.Properties is null)
        {
            return null;
        }

        var access = authenticated.Properties.GetTokenValue(AccessToken);
        var refresh = authenticated.Properties.GetTokenValue(RefreshToken);
        var expires = DateTimeOffset.TryParse(authenticated.Properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
        if (access is not null && expires > clock.GetUtcNow().AddMinutes(1))
        {
            context.Items[AccessToken] = access;
            return access;
        }

        if (refresh is null)
        {
            return null;
        }

        var renewed = await RenewAsync(refresh, cancellationToken);
        if (renewed is null)
        {
            if (!context.Response.HasStarted)
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            return null;
        }

        if (!context.Response.HasStarted)
        {
            await StartAsync(renewed, authenticated.Properties.IsPersistent);
        }

        context.Items[AccessToken] = renewed.AccessToken;
        return renewed.AccessToken;
    }

    /// <summary>Fetches fresh tokens now (e.g. after the e-mail was confirmed, so new rights show).</summary>
    public async Task<bool> RefreshNowAsync(CancellationToken cancellationToken)
    {
        var authenticated = await Context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (authenticated.Properties?.GetTokenValue(RefreshToken) is not { } refresh || await RenewAsync(refresh, cancellationToken) is not { } renewed)
        {
            return false;
        }

        await StartAsync(renewed, authenticated.Properties.IsPersistent);
        return true;
    }

    /// <summary>
    /// One refresh per refresh token even when a browser sends several requests at once (a second
    /// use of the same token would end the session): the first caller refreshes, the others reuse it.
    /// </summary>
    private async Task<TokenResponse?> RenewAsync(string refresh, CancellationToken cancellationToken)
    {
        var key = "refreshed:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refresh)));
        var gate = RefreshLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue<TokenResponse>(key, out var already))
            {
                return already;
            }

            var result = await auth.RefreshAsync(new RefreshRequest(refresh), cancellationToken);
            if (!result.Succeeded)
            {
                return null;
            }

            cache.Set(key, result.Value!, TimeSpan.FromMinutes(2));
            return result.Value;
        }
        finally
        {
            gate.Release();
            RefreshLocks.TryRemove(key, out _);
        }
    }

    public static ClaimsPrincipal Principal(MeDto me)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, me.Id.ToString()),
            new(ClaimTypes.NameIdentifier, me.Id.ToString()),
            new(ClaimTypes.Name, me.DisplayName),
            new(ClaimTypes.Email, me.Email),
        };
        claims.AddRange(me.Roles.Select(role => new Claim(RoleClaim, role)));
        claims.AddRange(me.Permissions.Select(permission => new Claim(PermissionClaim, permission)));
        if (me.StationId is { } station)
        {
            claims.Add(new Claim(ClaimNames.Station, station.ToString()));
        }

        if (me.ChefId is { } chef)
        {
            claims.Add(new Claim(ClaimNames.Chef, chef.ToString()));
        }

        if (me.CustomerId is { } customer && me.EmailConfirmed)
        {
            claims.Add(new Claim(ClaimNames.Customer, customer.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, RoleClaim));
    }
}

public static class PrincipalExtensions
{
    public static bool Can(this ClaimsPrincipal user, string permission) => user.HasClaim(SessionService.PermissionClaim, permission);

    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    /// <summary>The stations a person may pick in filters and forms: their own when they work for one station, all otherwise.</summary>
    public static IReadOnlyList<StationDto> VisibleStations(this ClaimsPrincipal user, IReadOnlyList<StationDto>? stations) =>
        user.StationId() is { } own ? (stations ?? []).Where(s => s.Id == own).ToList() : stations ?? [];

    public static Guid? StationId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimNames.Station), out var id) ? id : null;

    public static Guid? ChefId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimNames.Chef), out var id) ? id : null;
}
