using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Auth;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Data.Seeding;

/// <summary>The RBAC tables (every environment), the bootstrap super admin, and Development's demo accounts.</summary>
public static class IdentitySeed
{
    /// <summary>Password of every demo account; Development only (see README).</summary>
    public const string DemoPassword = "HibachiDemo!2026";

    /// <summary>
    /// Adds missing permissions and roles; a new role gets its default permissions, an existing one
    /// keeps what super admins gave it. SUPER_ADMIN always holds every staff permission; service-only
    /// permissions belong to SERVICE alone.
    /// </summary>
    public static async Task SeedRbacAsync(HibachiDbContext db, CancellationToken cancellationToken)
    {
        var permissions = await db.Permissions.ToDictionaryAsync(p => p.Name, cancellationToken);
        var added = new HashSet<string>();
        foreach (var info in RoleCatalog.AllPermissions.Where(p => !permissions.ContainsKey(p.Name)))
        {
            var permission = new Permission { Name = info.Name, Description = info.Description };
            db.Permissions.Add(permission);
            permissions[info.Name] = permission;
            added.Add(info.Name);
        }

        var roles = await db.Roles.Include(r => r.Permissions).ToDictionaryAsync(r => r.Name, cancellationToken);
        foreach (var name in Roles.All)
        {
            if (!roles.TryGetValue(name, out var role))
            {
                role = new Role { Name = name, Description = RoleCatalog.Descriptions[name] };
                db.Roles.Add(role);
                db.RolePermissions.AddRange(RoleCatalog.DefaultPermissions[name].Select(p => new RolePermission { RoleId = role.Id, PermissionId = permissions[p].Id }));
            }
            else if (name != Roles.SuperAdmin)
            {
                // A permission new in this release goes to the existing roles whose defaults hold it.
                db.RolePermissions.AddRange(RoleCatalog.DefaultPermissions[name].Where(added.Contains)
                    .Select(p => new RolePermission { RoleId = role.Id, PermissionId = permissions[p].Id }));
            }
            else
            {
                var held = role.Permissions.Select(p => p.PermissionId).ToHashSet();
                db.RolePermissions.AddRange(RoleCatalog.StaffGrantable.Select(p => permissions[p]).Where(p => !held.Contains(p.Id))
                    .Select(p => new RolePermission { RoleId = role.Id, PermissionId = p.Id }));
            }

            // Databases seeded before service-only permissions existed gave them to staff roles: take them back.
            if (name != Roles.Service && role.Permissions.Count > 0)
            {
                var serviceOnly = RoleCatalog.ServiceOnlyPermissions.Select(p => permissions[p].Id).ToHashSet();
                db.RolePermissions.RemoveRange(role.Permissions.Where(p => serviceOnly.Contains(p.PermissionId)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates the configured super admin when the database has none.</summary>
    public static async Task EnsureBootstrapAdminAsync(HibachiDbContext db, BootstrapAdmin? bootstrap, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(bootstrap?.Email) || string.IsNullOrWhiteSpace(bootstrap.Password))
        {
            return;
        }

        if (await db.UserRoles.AnyAsync(ur => ur.Role!.Name == Roles.SuperAdmin, cancellationToken))
        {
            return;
        }

        await EnsureUserAsync(db, now, bootstrap.Email, "Administrator", bootstrap.Password, [Roles.SuperAdmin], null, null, null, cancellationToken);
        logger.LogInformation("Created the bootstrap super admin {Email}.", bootstrap.Email);
    }

    public static async Task<User> EnsureUserAsync(
        HibachiDbContext db, DateTimeOffset now, string email, string displayName, string password, string[] roleNames, Guid? stationId, Guid? chefId, Guid? customerId,
        CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var existing = await db.Users.FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var roles = await db.Roles.Where(r => roleNames.Contains(r.Name)).ToListAsync(cancellationToken);
        var user = new User
        {
            Email = normalized,
            DisplayName = displayName,
            PasswordHash = "",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            EmailConfirmedAt = now,
            StationId = stationId,
            ChefId = chefId,
            CustomerId = customerId,
        };
        user.PasswordHash = AuthService.Hasher.HashPassword(user, password);
        user.Roles = roles.Select(r => new UserRole { UserId = user.Id, RoleId = r.Id }).ToList();
        db.Users.Add(user);
        if (customerId is { } id && await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } customer)
        {
            customer.UserId = user.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
