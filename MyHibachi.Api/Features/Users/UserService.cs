using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Auth;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Users;

/// <summary>Accounts and role permissions, for super admins.</summary>
public sealed class UserService(
    HibachiDbContext db, RolePermissionCache grants, AuditTrail audit, SessionRevocation sessions, CurrentActor actor, TimeProvider clock)
{
    public async Task<Result<PagedList<UserDto>>> ListAsync(UserListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        errors.MaxLength("q", query.Q, 200);
        if (query.Role is not null && !Roles.All.Contains(query.Role))
        {
            errors.Add("role", $"Use one of {string.Join(", ", Roles.All)}.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var users = db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Role).AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Like.Escape(query.Q.Trim())}%";
            users = users.Where(u => EF.Functions.ILike(u.Email, pattern, "\\") || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
        }

        if (query.Role is { } role)
        {
            users = users.Where(u => u.Roles.Any(r => r.Role!.Name == role));
        }

        var total = await Paging.CountAsync(users, cancellationToken);
        var items = await users.OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return Paging.Page(items.Select(ToDto).ToList(), page, pageSize, total);
    }

    public async Task<UserDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await Load(id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : ToDto(user);
    }

    public async Task<Result<UserDto>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Email("email", request.Email);
        errors.Required("displayName", request.DisplayName, 200, "Name");
        PasswordPolicy.Check("password", request.Password, request.Email, errors);
        var roles = await ResolveRolesAsync(request.Roles, request.StationId, request.ChefId, null, errors, cancellationToken);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var email = request.Email!.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.EmailInUse, "An account with this e-mail already exists.");
        }

        var user = new User
        {
            Email = email,
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = "",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            EmailConfirmedAt = clock.Now(), // created by a super admin for a known person
        };
        user.PasswordHash = AuthService.Hasher.HashPassword(user, request.Password!);
        await AssignAsync(user, roles!, request.StationId, request.ChefId, cancellationToken);
        db.Users.Add(user);
        await audit.RecordAsync("update", nameof(User), user.Id.ToString(), null, new { roles = roles!.Select(r => r.Name).Order() });
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(user.Id, cancellationToken))!;
    }

    public async Task<Result<UserDto>> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await Load(id).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Failure.NotFound("User");
        }

        var errors = new ValidationErrors();
        if (request.DisplayName is not null)
        {
            errors.Required("displayName", request.DisplayName, 200, "Name");
        }

        if (request.Password is not null)
        {
            PasswordPolicy.Check("password", request.Password, user.Email, errors);
        }

        var stationId = request.StationId ?? user.StationId;
        var chefId = request.ChefId ?? user.ChefId;
        var roles = request.Roles is null ? null : await ResolveRolesAsync(request.Roles, stationId, chefId, id, errors, cancellationToken);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var isSelf = actor.UserId == id;
        if (isSelf && (request.IsActive == false || (roles is not null && !roles.Any(r => r.Name == Roles.SuperAdmin))))
        {
            return Failure.Conflict(ProblemCodes.SelfLockout, "You cannot lock yourself out.", "Another super admin must deactivate you or remove your SUPER_ADMIN role.");
        }

        var securityChanged = false;
        if (request.DisplayName is not null)
        {
            user.DisplayName = request.DisplayName.Trim();
        }

        if (request.Password is not null)
        {
            user.PasswordHash = AuthService.Hasher.HashPassword(user, request.Password);
            securityChanged = true;
        }

        if (roles is not null)
        {
            var before = user.Roles.Select(r => r.Role!.Name).Order().ToList();
            await AssignAsync(user, roles, stationId, chefId, cancellationToken);
            var after = roles.Select(r => r.Name).Order().ToList();
            if (!before.SequenceEqual(after))
            {
                await audit.RecordAsync("update", nameof(User), user.Id.ToString(), new { roles = before }, new { roles = after });
            }

            securityChanged = true;
        }

        if (request.IsActive is { } active && active != user.IsActive)
        {
            user.IsActive = active;
            securityChanged = true;
        }

        if (securityChanged)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            var now = clock.Now();
            await db.RefreshTokens.Where(t => t.UserId == id && t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "account changed"), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (securityChanged)
        {
            await sessions.AccountChangedAsync(user.Id, user.SecurityStamp, user.IsActive);
        }

        return (await GetAsync(id, cancellationToken))!;
    }

    public async Task<Result<UserDto>> UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Failure.NotFound("User");
        }

        user.LockoutEndsAt = null;
        user.FailedLoginCount = 0;
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    public async Task<RolesDto> RolesAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking()
            .Select(r => new { r.Name, r.Description, Permissions = r.Permissions.Select(p => p.Permission!.Name).ToList() })
            .ToListAsync(cancellationToken);
        return new RolesDto(
            roles.OrderBy(r => Array.IndexOf(Roles.All, r.Name)).Select(r => new RoleDto(r.Name, r.Description, r.Permissions.Order().ToList())).ToList(),
            RoleCatalog.AllPermissions);
    }

    public async Task<Result<RolesDto>> SetRolePermissionsAsync(string roleName, RolePermissionsRequest request, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Name == roleName, cancellationToken);
        if (role is null)
        {
            return Failure.NotFound("Role");
        }

        if (role.Name is Roles.SuperAdmin or Roles.Service)
        {
            return Failure.Conflict(ProblemCodes.RoleFixed, $"{role.Name}'s permissions are fixed.");
        }

        // A missing list is a mistake, never "take every permission away" (an empty list says that).
        if (request.Permissions is not { } requested)
        {
            return Failure.Invalid("permissions", "Send the role's whole list of permissions (an empty list removes them all).");
        }

        var unknown = requested.Where(p => !RoleCatalog.AllPermissions.Any(known => known.Name == p)).ToList();
        if (unknown.Count > 0)
        {
            return Failure.Invalid("permissions", $"Unknown permission(s): {string.Join(", ", unknown)}.");
        }

        if (requested.Intersect(RoleCatalog.ServiceOnlyPermissions).ToList() is { Count: > 0 } serviceOnly)
        {
            return Failure.Invalid("permissions", $"Only services hold {string.Join(", ", serviceOnly)}.");
        }

        var permissions = await db.Permissions.Where(p => requested.Contains(p.Name)).ToListAsync(cancellationToken);
        var before = await db.Permissions.Where(p => role.Permissions.Select(rp => rp.PermissionId).Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken);
        db.RolePermissions.RemoveRange(role.Permissions);
        db.RolePermissions.AddRange(permissions.Select(p => new RolePermission { RoleId = role.Id, PermissionId = p.Id }));
        await audit.RecordAsync("update", nameof(Role), role.Name,
            new { permissions = before.Order() }, new { permissions = permissions.Select(p => p.Name).Order() });
        await db.SaveChangesAsync(cancellationToken);
        grants.Invalidate();
        return await RolesAsync(cancellationToken);
    }

    private IQueryable<User> Load(Guid id) => db.Users.Include(u => u.Roles).ThenInclude(r => r.Role).Where(u => u.Id == id);

    private async Task<List<Role>?> ResolveRolesAsync(
        IReadOnlyList<string>? names, Guid? stationId, Guid? chefId, Guid? userId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (names is null || names.Count == 0)
        {
            errors.Add("roles", "Give the account at least one role.");
            return null;
        }

        var unknown = names.Where(n => !Roles.All.Contains(n) || n == Roles.Service).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("roles", $"Unknown role(s): {string.Join(", ", unknown)}.");
            return null;
        }

        if (names.Contains(Roles.StationManager) && (stationId is null || !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken)))
        {
            errors.Add("stationId", "A station manager needs their station.");
        }

        if (names.Contains(Roles.Chef))
        {
            if (chefId is null || !await db.Chefs.AnyAsync(c => c.Id == chefId, cancellationToken))
            {
                errors.Add("chefId", "A chef's account needs their chef record.");
            }
            else if (await db.Users.AnyAsync(u => u.ChefId == chefId && u.Id != userId, cancellationToken))
            {
                errors.Add("chefId", "This chef already has an account.");
            }
        }

        return await db.Roles.Where(r => names.Contains(r.Name)).ToListAsync(cancellationToken);
    }

    private async Task AssignAsync(User user, List<Role> roles, Guid? stationId, Guid? chefId, CancellationToken cancellationToken)
    {
        var links = roles.Select(r => new UserRole { UserId = user.Id, RoleId = r.Id }).ToList();
        if (db.Entry(user).State == EntityState.Detached)
        {
            user.Roles = links; // a new account: added with the user as one graph
        }
        else
        {
            db.UserRoles.RemoveRange(user.Roles);
            db.UserRoles.AddRange(links);
        }

        var names = roles.Select(r => r.Name).ToHashSet();
        user.ChefId = names.Contains(Roles.Chef) ? chefId : null;
        var chefStation = user.ChefId is { } id ? await db.Chefs.Where(c => c.Id == id).Select(c => (Guid?)c.StationId).FirstOrDefaultAsync(cancellationToken) : null;
        user.StationId = names.Contains(Roles.StationManager) ? stationId : chefStation;
    }

    private static UserDto ToDto(User u) => new(
        u.Id, u.Email, u.DisplayName, u.Roles.Select(r => r.Role!.Name).OrderBy(n => Array.IndexOf(Roles.All, n)).ToList(), u.StationId,
        u.ChefId, u.CustomerId, u.IsActive, u.EmailConfirmedAt is not null, u.LockoutEndsAt, u.LastLoginAt, u.CreatedAt);
}
