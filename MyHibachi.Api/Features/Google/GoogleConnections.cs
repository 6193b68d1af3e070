using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Google;

/// <summary>
/// The Google credentials the business gave us (one OAuth layer for every Google feature): saved with their
/// secrets sealed, handed to the Workers (who talk to Google) with the cached access token, and told what
/// Google answered so staff see when a person must connect again.
/// </summary>
public sealed class GoogleConnections(HibachiDbContext db, SecretBox secrets, TimeProvider clock)
{
    public const string ScopePrefix = "https://www.googleapis.com/auth/";

    /// <summary>The scopes our features use, by what they are for.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownScopes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ScopePrefix + "calendar.events"] = "Chef calendars: read busy times, write booking events, push channels",
        [ScopePrefix + "calendar"] = "Chef calendars (full access)",
        [ScopePrefix + "business.manage"] = "Business Profile: reviews, replies and hours",
        [ScopePrefix + "webmasters.readonly"] = "Search Console",
        [ScopePrefix + "adwords"] = "Google Ads",
        [ScopePrefix + "analytics.readonly"] = "Google Analytics 4",
    };

    /// <summary>Access tokens are handed out only while they have at least this long to live.</summary>
    public static readonly TimeSpan TokenMargin = TimeSpan.FromSeconds(60);

    private sealed record Secrets(string? ClientSecret, string? RefreshToken, string? PrivateKey, string? PrivateKeyId);

    public static GoogleConnectionDto ToDto(GoogleConnection c) =>
        new(c.Id, c.Name, KindName(c.Kind), c.Principal, c.Subject, c.Scopes, c.GrantedScopes, StatusName(c.Status), c.LastError,
            c.AccessTokenExpiresAt, c.CreatedAt, c.UpdatedAt);

    public static string KindName(GoogleCredentialKind kind) => kind == GoogleCredentialKind.ServiceAccount ? "service_account" : "refresh_token";

    public static string StatusName(GoogleConnectionStatus status) => status switch
    {
        GoogleConnectionStatus.Connected => "connected",
        GoogleConnectionStatus.NeedsReconnect => "needs_reconnect",
        _ => "new",
    };

    public async Task<IReadOnlyList<GoogleConnectionDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.GoogleConnections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<Result<GoogleConnectionDto>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.GoogleConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } connection
            ? ToDto(connection)
            : Failure.NotFound("Google connection");

    public async Task<Result<GoogleConnectionDto>> SaveAsync(Guid? id, GoogleConnectionRequest request, CancellationToken cancellationToken)
    {
        var connection = id is { } existing ? await db.GoogleConnections.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken) : null;
        if (id is not null && connection is null)
        {
            return Failure.NotFound("Google connection");
        }

        var errors = new ValidationErrors();
        var kind = request.Kind switch
        {
            "refresh_token" => GoogleCredentialKind.RefreshToken,
            "service_account" => GoogleCredentialKind.ServiceAccount,
            null when connection is not null => connection.Kind,
            _ => (GoogleCredentialKind?)null,
        };
        if (kind is null)
        {
            errors.Add("kind", "refresh_token (an OAuth client with a user's refresh token) or service_account (a key file).");
        }

        if (connection is null || request.Name is not null)
        {
            errors.Required("name", request.Name, 120, "The name");
        }

        var scopes = request.Scopes?.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? connection?.Scopes;
        if (scopes is null || scopes.Count == 0)
        {
            errors.Add("scopes", "Which Google APIs this connection is for: one or more of " + string.Join(", ", KnownScopes.Keys) + ".");
        }
        else if (scopes.FirstOrDefault(s => !KnownScopes.ContainsKey(s)) is { } unknown)
        {
            errors.Add("scopes", $"{unknown} is not a scope MyHibachi uses; use one of " + string.Join(", ", KnownScopes.Keys) + ".");
        }

        var old = connection is null || connection.Kind != kind ? null : JsonSerializer.Deserialize<Secrets>(secrets.Open(connection.SecretCipher) ?? "null");
        Secrets? sealed_ = null;
        string? principal = null;
        if (kind == GoogleCredentialKind.RefreshToken)
        {
            principal = Text.Clean(request.ClientId) ?? (old is null ? null : connection!.Principal);
            if (principal is null || principal.Length > 320)
            {
                errors.Add("clientId", "The OAuth client id (from the Google Cloud console's Credentials page).");
            }

            var clientSecret = Text.Clean(request.ClientSecret) ?? old?.ClientSecret;
            var refreshToken = Text.Clean(request.RefreshToken) ?? old?.RefreshToken;
            if (clientSecret is null || clientSecret.Length > 500)
            {
                errors.Add("clientSecret", "The OAuth client secret.");
            }

            if (refreshToken is null || refreshToken.Length > 2000)
            {
                errors.Add("refreshToken", "A refresh token from the consent screen (offline access) for these scopes.");
            }

            sealed_ = new Secrets(clientSecret, refreshToken, null, null);
        }
        else if (kind == GoogleCredentialKind.ServiceAccount)
        {
            if (!string.IsNullOrWhiteSpace(request.ServiceAccountKey))
            {
                var key = ReadServiceAccountKey(request.ServiceAccountKey, errors);
                principal = key?.Email;
                sealed_ = key is null ? null : new Secrets(null, null, key.PrivateKey, key.PrivateKeyId);
            }
            else if (old is not null)
            {
                principal = connection!.Principal;
                sealed_ = old;
            }
            else
            {
                errors.Add("serviceAccountKey", "The service account's JSON key file (its whole text).");
            }

            errors.MaxLength("subject", request.Subject, 320);
            if (Text.Clean(request.Subject) is { } subject && !subject.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("subject", "The Workspace user's e-mail the service account acts as (domain-wide delegation), or empty.");
            }
        }

        var name = Text.Clean(request.Name) ?? connection?.Name;
        if (name is not null && await db.GoogleConnections.AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
        {
            errors.Add("name", "Another connection has this name.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        if (connection is null)
        {
            connection = new GoogleConnection { CreatedAt = now };
            db.GoogleConnections.Add(connection);
        }

        connection.Name = name!;
        connection.Kind = kind!.Value;
        connection.Principal = principal!;
        connection.Subject = kind == GoogleCredentialKind.ServiceAccount ? Text.Clean(request.Subject) ?? (request.Subject is null ? connection.Subject : null) : null;
        connection.Scopes = scopes!;
        connection.SecretCipher = secrets.Seal(JsonSerializer.Serialize(sealed_));
        // A new credential starts again: its old token, grants and error no longer say anything.
        connection.AccessTokenCipher = null;
        connection.AccessTokenExpiresAt = null;
        connection.GrantedScopes = [];
        connection.Status = GoogleConnectionStatus.New;
        connection.LastError = null;
        connection.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(connection);
    }

    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await db.GoogleConnections.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return Failure.NotFound("Google connection");
        }

        db.GoogleConnections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private sealed record ServiceAccountKey(string Email, string PrivateKey, string? PrivateKeyId);

    /// <summary>The parts of a key file we need, checked: a service account, an e-mail, and a private key that loads.</summary>
    private static ServiceAccountKey? ReadServiceAccountKey(string text, ValidationErrors errors)
    {
        if (text.Length > 20_000)
        {
            errors.Add("serviceAccountKey", "A key file is a few kilobytes; this is too long.");
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            string? Field(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            if (Field("type") != "service_account" || Field("client_email") is not { } email || Field("private_key") is not { } key)
            {
                errors.Add("serviceAccountKey", "This is not a service account key file (type service_account, client_email and private_key).");
                return null;
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(key);
            return new ServiceAccountKey(email, key, Field("private_key_id"));
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or CryptographicException)
        {
            errors.Add("serviceAccountKey", "The key file could not be read: paste the whole JSON file Google gave you.");
            return null;
        }
    }

    /// <summary>For the Workers: the credential in the clear, with the cached access token while it has a minute left.</summary>
    public async Task<Result<GoogleCredentialDto>> CredentialAsync(Guid id, CancellationToken cancellationToken)
    {
        var c = await db.GoogleConnections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return Failure.NotFound("Google connection");
        }

        var secret = JsonSerializer.Deserialize<Secrets>(secrets.Open(c.SecretCipher) ?? "null");
        if (secret is null)
        {
            return Failure.Conflict(ProblemCodes.GoogleSecretsUnreadable, "The connection's secrets cannot be read with this signing key: connect it again.");
        }

        var fresh = c.AccessTokenExpiresAt is { } expires && expires - TokenMargin > clock.Now();
        return new GoogleCredentialDto(c.Id, KindName(c.Kind), c.Principal, c.Subject, c.Scopes, secret.ClientSecret, secret.RefreshToken,
            secret.PrivateKey, secret.PrivateKeyId, fresh ? secrets.Open(c.AccessTokenCipher) : null, fresh ? c.AccessTokenExpiresAt : null);
    }

    /// <summary>What the token endpoint answered: a token to keep (sealed), or an error that needs a person.</summary>
    public async Task<Result<GoogleConnectionDto>> ReportTokenAsync(Guid id, GoogleTokenReport report, CancellationToken cancellationToken)
    {
        var c = await db.GoogleConnections.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return Failure.NotFound("Google connection");
        }

        var errors = new ValidationErrors();
        if (report.Error is null && (string.IsNullOrEmpty(report.AccessToken) || report.AccessToken.Length > 12_288 || report.ExpiresAt is null))
        {
            errors.Add("accessToken", "A token report has an access token (up to 12288 characters) and its expiry, or an error.");
        }

        errors.MaxLength("error", report.Error, 500);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (report.Error is { } error)
        {
            c.Status = GoogleConnectionStatus.NeedsReconnect;
            c.LastError = error;
            c.AccessTokenCipher = null;
            c.AccessTokenExpiresAt = null;
        }
        else
        {
            c.Status = GoogleConnectionStatus.Connected;
            c.LastError = null;
            c.AccessTokenCipher = secrets.Seal(report.AccessToken!);
            c.AccessTokenExpiresAt = report.ExpiresAt!.Value.ToUniversalTime();
            c.GrantedScopes = report.GrantedScopes?.Where(s => s.Length <= 200).Take(50).ToList() ?? c.Scopes;
        }

        c.UpdatedAt = clock.Now();
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(c);
    }
}
