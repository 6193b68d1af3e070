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
    IHttpContextAccessor accessor, CurrentActor actor, SessionRevocation sessions, ILogger<AuthService> logger)
{
    public static readonly PasswordHasher<User> Hasher = new();

    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-real-password-" + Guid.NewGuid());

    private readonly AuthOptions _options = options.Value;

    /// <summary>How long a password reset link works.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Signs a customer up. The answer is the same whether or not the address already has an account,
    /// so sign-up never tells who has one: a new address gets an account and a confirmation link; an
    /// address with an account gets, by e-mail, a link to reset that account's password instead. A
    /// guest's earlier bookings join the account only when the address is confirmed.
    /// </summary>
    public async Task<Result<RegistrationReceipt>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
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

        var station = request.StationId ?? await db.Stations.Where(s => s.IsActive).OrderBy(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (station is null)
        {
            return Failure.Conflict(ProblemCodes.SignUpClosed, "Sign-up is not open yet: no station is active.");
        }

        var receipt = new RegistrationReceipt("Check your e-mail: we sent you a link to finish setting up your account.");
        var email = request.Email!.Trim().ToLowerInvariant();
        var existing = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (existing is not null)
        {
            // The same work as a new account (a password hash), so timing does not tell either.
            Hasher.HashPassword(existing, request.Password!);
            if (existing.IsActive)
            {
                await SendResetLinkAsync(existing, alreadyRegistered: true, cancellationToken);
            }

            return receipt;
        }

        var confirmation = TokenService.NewOpaqueToken();
        var user = new User
        {
            Email = email,
            DisplayName = $"{request.FirstName!.Trim()} {request.LastName!.Trim()}",
            PasswordHash = "",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            StationId = null,
            EmailConfirmationTokenHash = TokenService.Hash(confirmation),
            EmailConfirmationExpiresAt = clock.Now().AddDays(2),
        };
        user.PasswordHash = Hasher.HashPassword(user, request.Password!);
        // A guest's customer record with this address is taken over only when the e-mail is confirmed.
        if (!await db.Customers.AnyAsync(c => c.Email == email, cancellationToken))
        {
            var customer = new Customer
            {
                StationId = station.Value, FirstName = request.FirstName!.Trim(), LastName = request.LastName!.Trim(), Email = email,
                Phone = Text.Clean(request.Phone), UserId = user.Id,
            };
            db.Customers.Add(customer);
            user.CustomerId = customer.Id;
        }

        var role = await db.Roles.FirstAsync(r => r.Name == Roles.Customer, cancellationToken);
        user.Roles.Add(new UserRole { UserId = user.Id, RoleId = role.Id });
        db.Users.Add(user);
        db.Publish(new UserRegistered(user.Id, user.Email, user.DisplayName, confirmation), clock.Now());
        using (actor.ActingAs(user.Id, user.Email))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return receipt;
    }

    /// <summary>
    /// A new confirmation link for an account still waiting for its e-mail to be confirmed (the old link
    /// stops working); nothing for any other address, and the answer is the same either way.
    /// </summary>
    public async Task ResendConfirmationAsync(ResendConfirmationRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > 254)
        {
            return;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email && u.IsActive && u.EmailConfirmedAt == null, cancellationToken);
        if (user is null)
        {
            return;
        }

        var confirmation = TokenService.NewOpaqueToken();
        user.EmailConfirmationTokenHash = TokenService.Hash(confirmation);
        user.EmailConfirmationExpiresAt = clock.Now().AddDays(2);
        db.Publish(new UserRegistered(user.Id, user.Email, user.DisplayName, confirmation), clock.Now());
        using (actor.ActingAs(user.Id, user.Email))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>E-mails a password reset link when the address has an active account; the answer is the same either way.</summary>
    public async Task ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > 254)
        {
            return;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email && u.IsActive, cancellationToken);
        if (user is not null)
        {
            await SendResetLinkAsync(user, alreadyRegistered: false, cancellationToken);
        }
    }

    /// <summary>
    /// Sets a new password with a reset link's token. Opening the link proves the address, so the
    /// e-mail counts as confirmed; every other session of the account ends and a lockout is lifted.
    /// </summary>
    public async Task<Result> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        var invalid = Failure.Invalid("token", "This reset link is invalid or has expired; ask for a new one.");
        var errors = new ValidationErrors();
        errors.Email("email", request.Email);
        PasswordPolicy.Check("password", request.Password, request.Email, errors);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 200)
        {
            return invalid;
        }

        var email = request.Email!.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email && u.IsActive, cancellationToken);
        var now = clock.Now();
        if (user?.PasswordResetTokenHash is not { } expectedHash || user.PasswordResetExpiresAt < now
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(TokenService.Hash(request.Token))))
        {
            return invalid;
        }

        user.PasswordHash = Hasher.HashPassword(user, request.Password!);
        user.PasswordResetTokenHash = null;
        user.PasswordResetExpiresAt = null;
        user.FailedLoginCount = 0;
        user.LockoutEndsAt = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        if (user.EmailConfirmedAt is null)
        {
            await ConfirmAsync(user, now, cancellationToken);
        }

        using (actor.ActingAs(user.Id, user.Email))
        {
            // Single use: a second request with the same token finds no hash and fails.
            await db.SaveChangesAsync(cancellationToken);
        }

        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "password reset"), cancellationToken);
        await sessions.AccountChangedAsync(user.Id, user.SecurityStamp, user.IsActive);
        return Result.Success;
    }

    private async Task SendResetLinkAsync(User user, bool alreadyRegistered, CancellationToken cancellationToken)
    {
        var token = TokenService.NewOpaqueToken();
        user.PasswordResetTokenHash = TokenService.Hash(token);
        user.PasswordResetExpiresAt = clock.Now().Add(ResetLinkLifetime);
        db.Publish(new PasswordResetRequested(user.Id, user.Email, user.DisplayName, token, alreadyRegistered), clock.Now());
        using (actor.ActingAs(user.Id, user.Email))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The address is proven: the account takes over the customer record (and the bookings) made with it.</summary>
    private async Task ConfirmAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        user.EmailConfirmedAt = now;
        user.EmailConfirmationTokenHash = null;
        user.EmailConfirmationExpiresAt = null;
        if (user.CustomerId is null && await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.Role!.Name == Roles.Customer, cancellationToken))
        {
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Email == user.Email && c.UserId == null, cancellationToken);
            if (customer is not null)
            {
                customer.UserId = user.Id;
                user.CustomerId = customer.Id;
            }
        }
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

        await ConfirmAsync(user, clock.Now(), cancellationToken);
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

        var family = familyId ?? Guid.CreateVersion7();
        extra.Add(new Claim(ClaimNames.Session, family.ToString()));
        extra.Add(new Claim(ClaimNames.SecurityStamp, user.SecurityStamp));
        var access = tokens.IssueAccessToken(user.Id, user.Email, user.DisplayName, roles, extra);
        var refresh = TokenService.NewOpaqueToken();
        var now = clock.Now();
        var row = new RefreshToken
        {
            UserId = user.Id,
            FamilyId = family,
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

    /// <summary>Ends a session: its refresh tokens stop working, and so do its access tokens on the next request.</summary>
    private async Task RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), cancellationToken);
        await sessions.SessionEndedAsync(familyId);
    }

    private static Failure WrongCredentials() => new(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidCredentials, "The e-mail or password is not right.");

    private static Failure InvalidRefresh() => new(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "This session has ended; sign in again.");
}
