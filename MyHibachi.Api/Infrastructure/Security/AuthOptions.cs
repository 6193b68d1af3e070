using System.ComponentModel.DataAnnotations;

namespace MyHibachi.Api.Infrastructure.Security;

public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "myhibachi-api";

    public string Audience { get; set; } = "myhibachi";

    /// <summary>HMAC-SHA256 key for access tokens: at least 32 characters, from configuration, never committed.</summary>
    public string SigningKey { get; set; } = "";

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 90)]
    public int RefreshTokenDays { get; set; } = 14;

    [Range(3, 20)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Client id → secret of internal services that may ask for a service token.</summary>
    public Dictionary<string, string> ServiceClients { get; set; } = [];

    /// <summary>Creates this super admin at start when none exists (all environments).</summary>
    public BootstrapAdmin? BootstrapAdmin { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKey.Length < 32)
        {
            yield return new ValidationResult(
                "Auth:SigningKey must be set to at least 32 characters (the AppHost generates one; in production set Auth__SigningKey from your secret store).",
                [nameof(SigningKey)]);
        }

        foreach (var (client, secret) in ServiceClients)
        {
            if (secret.Length < 32)
            {
                yield return new ValidationResult($"Auth:ServiceClients:{client} must be at least 32 characters.", [nameof(ServiceClients)]);
            }
        }
    }
}

public sealed class BootstrapAdmin
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
