namespace MyHibachi.Api.Features.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? FirstName, string? LastName, string? Phone, Guid? StationId);

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
