using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MyHibachi.Api.Infrastructure.Security;

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs short-lived JWT access tokens and makes refresh tokens (random, stored only as a hash).</summary>
public sealed class TokenService(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string RoleClaim = ClaimNames.Role;
    public const string StationClaim = ClaimNames.Station;
    public const string ChefClaim = ClaimNames.Chef;
    public const string CustomerClaim = ClaimNames.Customer;
    public const string NameClaim = ClaimNames.Name;
    public const string EmailClaim = ClaimNames.Email;

    private readonly AuthOptions _options = options.Value;

    public SymmetricSecurityKey SigningKey => new(Encoding.UTF8.GetBytes(_options.SigningKey));

    public IssuedAccessToken IssueAccessToken(Guid subject, string email, string name, IEnumerable<string> roles, IEnumerable<Claim> extra)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(_options.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, subject.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(EmailClaim, email),
            new(NameClaim, name),
        };
        claims.AddRange(roles.Select(role => new Claim(RoleClaim, role)));
        claims.AddRange(extra);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedAccessToken(token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidateIssuer = true,
        ValidIssuer = _options.Issuer,
        ValidateAudience = true,
        ValidAudience = _options.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
    };

    /// <summary>A new refresh token: 256 random bits, URL-safe.</summary>
    public static string NewOpaqueToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
