namespace MyHibachi.Api.Features.Users;

public sealed record UserDto(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? StationId, Guid? ChefId, Guid? CustomerId,
    bool IsActive, bool EmailConfirmed, DateTimeOffset? LockedUntil, DateTimeOffset? LastLoginAt, DateTimeOffset CreatedAt);

public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? StationId, Guid? ChefId);

public sealed record UpdateUserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? StationId, Guid? ChefId, bool? IsActive);

public sealed record RoleDto(string Name, string Description, IReadOnlyList<string> Permissions);

public sealed record RolesDto(IReadOnlyList<RoleDto> Roles, IReadOnlyList<MyHibachi.Api.Infrastructure.Security.PermissionInfo> Permissions);

public sealed record RolePermissionsRequest(IReadOnlyList<string>? Permissions);

public sealed record UserListQuery(int? Page, int? PageSize, string? Q, string? Role);
