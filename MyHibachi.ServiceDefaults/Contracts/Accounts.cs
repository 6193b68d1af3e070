namespace MyHibachi.Contracts;

public sealed record RegisterRequest(string? Email, string? Password, string? FirstName, string? LastName, string? Phone, Guid? StationId);

/// <summary>
/// The answer to a sign-up, the same whether or not the e-mail already had an account (so the
/// answer never tells who has one); the e-mail that follows says what to do next.
/// </summary>
public sealed record RegistrationReceipt(string Message);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResendConfirmationRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? Password);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ConfirmEmailRequest(string? Email, string? Token);

public sealed record ServiceTokenRequest(string? ClientId, string? ClientSecret);

public sealed record TokenResponse(
    string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, MeDto User);

public sealed record ServiceTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MeDto(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions,
    Guid? StationId, Guid? ChefId, Guid? CustomerId, bool EmailConfirmed);

public sealed record UserDto(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? StationId, Guid? ChefId, Guid? CustomerId,
    bool IsActive, bool EmailConfirmed, DateTimeOffset? LockedUntil, DateTimeOffset? LastLoginAt, DateTimeOffset CreatedAt);

public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? StationId, Guid? ChefId);

public sealed record UpdateUserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? StationId, Guid? ChefId, bool? IsActive);

public sealed record PermissionDto(string Name, string Description);

public sealed record RoleDto(string Name, string Description, IReadOnlyList<string> Permissions);

public sealed record RolesDto(IReadOnlyList<RoleDto> Roles, IReadOnlyList<PermissionDto> Permissions);

public sealed record RolePermissionsRequest(IReadOnlyList<string>? Permissions);

public sealed record UserListQuery(int? Page = null, int? PageSize = null, string? Q = null, string? Role = null);
