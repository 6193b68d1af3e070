using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Auth;

/// <summary>Sign-up, sign-in with lockout, rotating refresh tokens with reuse detection, sign-out, service tokens.</summary>
public sealed class AuthService(
    HibachiDbContext db, TokenService tokens, RolePermissionCache grants, IOptions<AuthOptions> options, TimeProvider clock,
    IHttpContextAccessor accessor, CurrentActor actor, ILogger<AuthService> logger)
{
    public static readonly PasswordHasher<User> Hasher = new();

    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-real-password-" + Guid.NewGuid());

    private readonly AuthOptions _options = options.Value;

    public async Task<Result<TokenResponse>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Email("email", request.Email);
        PasswordPolicy.Check("password", request.Password, request.Email, errors);
        errors.Required("firstName", request.FirstName, 100, "First name");
        errors.Required("lastName", request.LastName, 100, "Last name");
        errors.Phone("phone", request.Phone);
        if (request.StationId is { } stationId && !await db.Stations.AnyAsync(s => s.Id == stationId && s.IsActive, cancellationToken))
        {
            errors.Add("stationId", "No such station.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var email = request.Email!.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return new Failure(StatusCodes.Status409Conflict, ProblemCodes.EmailInUse, "An account with this e-mail already exists.", "Sign in instead.",
                new ValidationErrors().Add("email", "This e-mail already has an account.").ToDictionary());
        }

        var station = request.StationId ?? await db.Stations.Where(s => s.IsActive).OrderBy(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (station is null)
        {
            return Failure.Conflict(ProblemCodes.SignUpClosed, "Sign-up is not open yet: no station is active.");
        }

        // An existing customer record (a guest booking) is linked now but only shown once the
        // e-mail is confirmed, so nobody reads another person's bookings by signing up with their address.
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Email == email, cancellationToken);
        if (customer is null)
        {
            customer = new Customer
            {
                StationId = station.Value, FirstName = request.FirstName!.Trim(), LastName = request.LastName!.Trim(), Email = email,
                Phone = Text.Clean(request.Phone),
            };
            db.Customers.Add(customer);
        }

        var confirmation = TokenService.NewOpaqueToken();
        var user = new User
        {
            Email = email,
            DisplayName = $"{request.FirstName!.Trim()} {request.LastName!.Trim()}",
            PasswordHash = "",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CustomerId = customer.Id,
            StationId = null,
            EmailConfirmationTokenHash = TokenService.Hash(confirmation),
            EmailConfirmationExpiresAt = clock.Now().AddDays(2),
        };
        user.PasswordHash = Hasher.HashPassword(user, request.Password!);
        var role = await db.Roles.FirstAsync(r => r.Name == Roles.Customer, cancellationToken);
        user.Roles.Add(new UserRole { UserId = user.Id, RoleId = role.Id });
        db.Users.Add(user);
        customer.UserId = user.Id;
        db.Publish(new UserRegistered(user.Id, user.Email, user.DisplayName, confirmation), clock.Now());
        using (actor.ActingAs(user.Id, user.Email))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return await IssueAsync(user, familyId: null, cancellationToken);
    }

    public async Task<Result<TokenResponse>> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("email", request.Email, 254, "E-mail");
        errors.Required("password", request.Password, PasswordPolicy.MaxLength, "Password");
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var email = request.Email!.Trim().ToLowerInvariant();
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        var now = clock.Now();
        if (user is null)
        {
            // Same work as a real check, so timing does not tell which e-mails have accounts.
            Hasher.VerifyHashedPassword(null!, DummyHash, request.Password!);
            return WrongCredentials();
        }

        if (user.LockoutEndsAt > now)
        {
            return new Failure(StatusCodes.Status423Locked, ProblemCodes.AccountLocked, "Too many failed sign-ins.",
                $"Try again after {user.LockoutEndsAt:HH:mm} UTC, or reset your password.");
        }

        using var acting = actor.ActingAs(user.Id, user.Email);
        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed || !user.IsActive)
        {
            if (verdict == PasswordVerificationResult.Failed)
            {
                await SaveSignInAsync(user, u =>
                {
                    u.FailedLoginCount++;
                    if (u.FailedLoginCount >= _options.MaxFailedLogins)
                    {
                        u.LockoutEndsAt = now.AddMinutes(_options.LockoutMinutes);
                        u.FailedLoginCount = 0;
                        logger.LogWarning("Account {UserId} locked after {Attempts} failed sign-ins.", u.Id, _options.MaxFailedLogins);
                    }
                }, cancellationToken);
            }

            return WrongCredentials();
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, request.Password!) : null;
        await SaveSignInAsync(user, u =>
        {
            u.PasswordHash = rehashed ?? u.PasswordHash;
            u.FailedLoginCount = 0;
            u.LockoutEndsAt = null;
            u.LastLoginAt = now;
        }, cancellationToken);
        return await IssueAsync(user, familyId: null, cancellationToken);
    }

    /// <summary>
    /// Records a sign-in on the account. Sign-ins to one account from several devices at once race on
    /// the row: the loser re-reads it and applies its change again, without checking the password a
    /// second time (the slow part), instead of failing the sign-in.
    /// </summary>
    private async Task SaveSignInAsync(User user, Action<User> change, CancellationToken cancellationToken)
    {
        const int attempts = 20;
        for (var attempt = 1; ; attempt++)
        {
            change(user);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < attempts)
            {
                await db.Entry(user).ReloadAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. The old token is spent; presenting a spent or revoked
    /// token again revokes its whole family (someone else has a copy).
    /// </summary>
    public async Task<Result<TokenResponse>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            return Failure.Invalid("refreshToken", "Send the refresh token you were given.");
        }

        var hash = TokenService.Hash(request.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = clock.Now();
        if (token is null)
        {
            return InvalidRefresh();
        }

        // Spend the token atomically: of two concurrent refreshes with one token, one wins.
        var spent = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (spent == 0)
        {
            await RevokeFamilyAsync(token.FamilyId, "reuse detected", cancellationToken);
            logger.LogWarning("Refresh token reuse for user {UserId}: family {FamilyId} revoked.", token.UserId, token.FamilyId);
            return InvalidRefresh();
        }

        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (token.ExpiresAt <= now || user is not { IsActive: true })
        {
            await RevokeFamilyAsync(token.FamilyId, token.ExpiresAt <= now ? "expired" : "account disabled", cancellationToken);
            return InvalidRefresh();
        }

        var issued = await IssueAsync(user, token.FamilyId, cancellationToken);
        var next = TokenService.Hash(issued.Value!.RefreshToken);
        var nextId = await db.RefreshTokens.Where(t => t.TokenHash == next).Select(t => t.Id).FirstAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.ReplacedById, nextId), cancellationToken);
        return issued;
    }

    /// <summary>Signs out: the refresh token's whole family stops working. Unknown tokens are ignored.</summary>
    public async Task LogoutAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            return;
        }

        var hash = TokenService.Hash(request.RefreshToken);
        var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(cancellationToken);
        if (family is { } id)
        {
            await RevokeFamilyAsync(id, "signed out", cancellationToken);
        }
    }

    public async Task<Result> ConfirmEmailAsync(ConfirmEmailRequest request, CancellationToken cancellationToken)
    {
        var invalid = Failure.Invalid("token", "This confirmation link is invalid or has expired.");
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 200)
        {
            return invalid;
        }

        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            return invalid;
        }

        if (user.EmailConfirmedAt is not null)
        {
            return Result.Success; // the link was used before: already confirmed
        }

        var expected = Encoding.ASCII.GetBytes(user.EmailConfirmationTokenHash ?? "");
        var actual = Encoding.ASCII.GetBytes(TokenService.Hash(request.Token));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual) || user.EmailConfirmationExpiresAt < clock.Now())
        {
            return invalid;
        }

        user.EmailConfirmedAt = clock.Now();
        user.EmailConfirmationTokenHash = null;
        user.EmailConfirmationExpiresAt = null;
        using (actor.ActingAs(user.Id, user.Email))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success;
    }

    public async Task<Result<MeDto>> MeAsync(Guid userId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.IsInRole(Roles.Service))
        {
            // Services have no account row: they are who their token says.
            var permissions = await grants.PermissionsOfAsync([Roles.Service]);
            return new MeDto(userId, principal.FindFirstValue(ClaimNames.Email) ?? "", principal.Identity?.Name ?? "service",
                [Roles.Service], [.. permissions.Order()], null, null, null, true);
        }

        var user = await db.Users.Include(u => u.Roles).ThenInclude(r => r.Role).AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? Failure.NotFound("Account") : await ToMeAsync(user);
    }

    public Result<ServiceTokenResponse> ServiceToken(ServiceTokenRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientSecret is null
            || !_options.ServiceClients.TryGetValue(request.ClientId, out var secret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(request.ClientSecret)))
        {
            return new Failure(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidClient, "Unknown client or wrong secret.");
        }

        var subject = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("service:" + request.ClientId))[..16]);
        var token = tokens.IssueAccessToken(subject, $"{request.ClientId}@services.myhibachi.local", $"service:{request.ClientId}", [Roles.Service], []);
        return new ServiceTokenResponse(token.Token, token.ExpiresAt);
    }

    private async Task<Result<TokenResponse>> IssueAsync(User user, Guid? familyId, CancellationToken cancellationToken)
    {
        var roleIds = user.Roles.Select(r => r.RoleId).ToList();
        var roles = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync(cancellationToken);
        var extra = new List<Claim>();
        if (user.StationId is { } stationId)
        {
            extra.Add(new Claim(TokenService.StationClaim, stationId.ToString()));
        }

        if (user.ChefId is { } chefId)
        {
            extra.Add(new Claim(TokenService.ChefClaim, chefId.ToString()));
        }

        if (user.CustomerId is { } customerId && user.EmailConfirmedAt is not null)
        {
            extra.Add(new Claim(TokenService.CustomerClaim, customerId.ToString()));
        }

        var access = tokens.IssueAccessToken(user.Id, user.Email, user.DisplayName, roles, extra);
        var refresh = TokenService.NewOpaqueToken();
        var now = clock.Now();
        var row = new RefreshToken
        {
            UserId = user.Id,
            FamilyId = familyId ?? Guid.CreateVersion7(),
            TokenHash = TokenService.Hash(refresh),
            CreatedAt = now,
            ExpiresAt = now.AddDays(_options.RefreshTokenDays),
            CreatedByIp = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.RefreshTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var me = new MeDto(user.Id, user.Email, user.DisplayName, roles, [.. (await grants.PermissionsOfAsync(roles)).Order()],
            user.StationId, user.ChefId, user.CustomerId, user.EmailConfirmedAt is not null);
        return new TokenResponse(access.Token, access.ExpiresAt, refresh, row.ExpiresAt, me);
    }

    private async Task<MeDto> ToMeAsync(User user)
    {
        var roles = user.Roles.Select(r => r.Role!.Name).ToList();
        return new MeDto(user.Id, user.Email, user.DisplayName, roles, [.. (await grants.PermissionsOfAsync(roles)).Order()],
            user.StationId, user.ChefId, user.CustomerId, user.EmailConfirmedAt is not null);
    }

    private Task RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), cancellationToken);
    }

    private static Failure WrongCredentials() => new(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidCredentials, "The e-mail or password is not right.");

    private static Failure InvalidRefresh() => new(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "This session has ended; sign in again.");
}
