using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;

namespace MyHibachi.Api.Infrastructure.Security;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Makes a policy for every "perm:{name}" on demand: authenticated and granted that permission.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "perm:";

    public const string StaffOnly = "staff-only";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
                .Build();
        }

        if (policyName == StaffOnly)
        {
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole([.. Roles.Staff, Roles.Service]).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>Grants a permission when any of the user's roles has it in role_permissions.</summary>
public sealed class PermissionHandler(RolePermissionCache cache) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var roles = context.User.FindAll(TokenService.RoleClaim).Select(c => c.Value).ToList();
        // A service-only permission needs a service token, whatever the role tables say.
        if (RoleCatalog.ServiceOnlyPermissions.Contains(requirement.Permission) && !roles.Contains(Roles.Service))
        {
            return;
        }

        if (await cache.GrantsAsync(roles, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Role → permissions, read from the RBAC tables and kept for 30 seconds (or until a change through
/// the role endpoints), so authorization does not cost a query per request.
/// </summary>
public sealed class RolePermissionCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);

    private (DateTimeOffset LoadedAt, IReadOnlyDictionary<string, HashSet<string>> Grants)? _current;

    public async Task<bool> GrantsAsync(IEnumerable<string> roles, string permission)
    {
        var grants = await CurrentAsync();
        return roles.Any(role => grants.TryGetValue(role, out var permissions) && permissions.Contains(permission));
    }

    public async Task<IReadOnlySet<string>> PermissionsOfAsync(IEnumerable<string> roles)
    {
        var grants = await CurrentAsync();
        return roles.SelectMany(role => grants.TryGetValue(role, out var permissions) ? permissions : []).ToHashSet();
    }

    public void Invalidate() => _current = null;

    private async Task<IReadOnlyDictionary<string, HashSet<string>>> CurrentAsync()
    {
        var current = _current;
        if (current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
        {
            return fresh.Grants;
        }

        await _refresh.WaitAsync();
        try
        {
            if (_current is { } other && clock.GetUtcNow() - other.LoadedAt < Lifetime)
            {
                return other.Grants;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HibachiDbContext>();
            var rows = await db.Roles.AsNoTracking()
                .Select(r => new { r.Name, Permissions = r.Permissions.Select(p => p.Permission!.Name).ToList() })
                .ToListAsync();
            var grants = rows.ToDictionary(r => r.Name, r => r.Permissions.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            _current = (clock.GetUtcNow(), grants);
            return grants;
        }
        finally
        {
            _refresh.Release();
        }
    }
}

public static class AuthorizationExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicyProvider.Prefix + permission);

    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicyProvider.StaffOnly);
}
