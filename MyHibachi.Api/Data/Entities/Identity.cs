namespace MyHibachi.Api.Data.Entities;

/// <summary>A sign-in account: a staff member, a chef, a customer or a service.</summary>
public sealed class User : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-cased; unique.</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Changes when the password or roles change; tokens issued before carry the old one.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    /// <summary>Hash of the e-mail confirmation token sent at registration.</summary>
    public string? EmailConfirmationTokenHash { get; set; }

    public DateTimeOffset? EmailConfirmationExpiresAt { get; set; }

    /// <summary>Hash of the single-use password reset token last e-mailed; cleared when used.</summary>
    public string? PasswordResetTokenHash { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }

    /// <summary>The station a station manager (or a chef) belongs to.</summary>
    public Guid? StationId { get; set; }

    /// <summary>The chef record of a chef's account.</summary>
    public Guid? ChefId { get; set; }

    /// <summary>The customer record of a customer's account.</summary>
    public Guid? CustomerId { get; set; }

    public bool IsActive { get; set; } = true;

    public int FailedLoginCount { get; set; }

    public DateTimeOffset? LockoutEndsAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>On duty in the inbox: round-robin assignment only picks staff who are.</summary>
    public bool OnInboxDuty { get; set; }

    /// <summary>When round-robin last gave this person a conversation (the next goes to whoever waited longest).</summary>
    public DateTimeOffset? LastInboxAssignmentAt { get; set; }

    public List<UserRole> Roles { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

public sealed class Role
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>SUPER_ADMIN, ADMIN, CUSTOMER_SUPPORT, STATION_MANAGER, CHEF, CUSTOMER or SERVICE.</summary>
    public required string Name { get; set; }

    public required string Description { get; set; }

    public List<RolePermission> Permissions { get; set; } = [];
}

public sealed class Permission
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>e.g. bookings.read.</summary>
    public required string Name { get; set; }

    public required string Description { get; set; }
}

public sealed class RolePermission
{
    public Guid RoleId { get; set; }

    public Guid PermissionId { get; set; }

    public Permission? Permission { get; set; }
}

public sealed class UserRole
{
    public Guid UserId { get; set; }

    public Guid RoleId { get; set; }

    public Role? Role { get; set; }
}

/// <summary>
/// A refresh token, stored only as a hash. Each use replaces it with a new one in the same family;
/// presenting a used token again means it was stolen, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid FamilyId { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public Guid? ReplacedById { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }

    public string? CreatedByIp { get; set; }
}
