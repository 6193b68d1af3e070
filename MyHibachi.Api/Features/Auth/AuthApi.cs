using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Auth;

public static class AuthApi
{
    /// <summary>Sign-in and its stricter rate limit (a guessing target).</summary>
    public static IServiceCollection AddAuth(this IServiceCollection services) => services
        .AddScoped<AuthService>()
        .AddRateLimitPolicy(RateLimitPolicies.Auth, options => options.AuthPermitPerMinute);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Authentication").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Auth);

        api.MapPost("/register", Register).WithName("Register")
            .WithSummary("Sign up as a customer: 202 and an e-mail (a confirmation link, or a reset link when the address already has an account)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).AllowAnonymous();
        api.MapPost("/forgot-password", ForgotPassword).WithName("ForgotPassword")
            .WithSummary("E-mail a single-use password reset link (valid one hour) when the address has an account; always 202").AllowAnonymous();
        api.MapPost("/resend-confirmation", ResendConfirmation).WithName("ResendConfirmation")
            .WithSummary("E-mail a new confirmation link (valid two days) when the address has an account waiting for confirmation; always 202").AllowAnonymous();
        api.MapPost("/reset-password", ResetPassword).WithName("ResetPassword")
            .WithSummary("Set a new password with the reset link's token; confirms the e-mail and ends every other session")
            .ProducesValidationProblem().AllowAnonymous();
        api.MapPost("/login", Login).WithName("Login")
            .WithSummary("Sign in: a 15-minute access token and a rotating refresh token (5 failures lock the account for 15 minutes)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked).AllowAnonymous();
        api.MapPost("/refresh", Refresh).WithName("RefreshToken")
            .WithSummary("Swap a refresh token for a new pair; a reused token ends its whole session family")
            .ProducesProblem(StatusCodes.Status401Unauthorized).AllowAnonymous();
        api.MapPost("/logout", Logout).WithName("Logout").WithSummary("End the session of this refresh token").AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Api);
        api.MapPost("/confirm-email", ConfirmEmail).WithName("ConfirmEmail").WithSummary("Confirm the e-mail address with the token sent at sign-up")
            .ProducesValidationProblem().AllowAnonymous();
        api.MapGet("/me", Me).WithName("Me").WithSummary("The signed-in account, its roles and permissions").RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Api);
        api.MapPost("/service-token", ServiceToken).WithName("ServiceToken")
            .WithSummary("Client-credentials token for internal services").ProducesProblem(StatusCodes.Status401Unauthorized).AllowAnonymous();
        return app;
    }

    public static async Task<Results<Accepted<RegistrationReceipt>, ProblemHttpResult>> Register(RegisterRequest request, AuthService auth, CancellationToken cancellationToken)
    {
        var result = await auth.RegisterAsync(request, cancellationToken);
        return result.Succeeded ? TypedResults.Accepted((string?)null, result.Value) : result.Failure.ToResult();
    }

    public static async Task<Accepted<RegistrationReceipt>> ForgotPassword(ForgotPasswordRequest request, AuthService auth, CancellationToken cancellationToken)
    {
        await auth.ForgotPasswordAsync(request, cancellationToken);
        return TypedResults.Accepted((string?)null, new RegistrationReceipt("If this address has an account, a reset link is on its way. It works for one hour."));
    }

    public static async Task<Accepted<RegistrationReceipt>> ResendConfirmation(ResendConfirmationRequest request, AuthService auth, CancellationToken cancellationToken)
    {
        await auth.ResendConfirmationAsync(request, cancellationToken);
        return TypedResults.Accepted((string?)null, new RegistrationReceipt("If this address has an account waiting for confirmation, a new link is on its way. It works for two days."));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPassword(ResetPasswordRequest request, AuthService auth, CancellationToken cancellationToken) =>
        await auth.ResetPasswordAsync(request, cancellationToken).ToNoContent();

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Login(LoginRequest request, AuthService auth, CancellationToken cancellationToken) =>
        await auth.LoginAsync(request, cancellationToken).ToOk();

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(RefreshRequest request, AuthService auth, CancellationToken cancellationToken) =>
        await auth.RefreshAsync(request, cancellationToken).ToOk();

    public static async Task<NoContent> Logout(RefreshRequest request, AuthService auth, CancellationToken cancellationToken)
    {
        await auth.LogoutAsync(request, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ConfirmEmail(ConfirmEmailRequest request, AuthService auth, CancellationToken cancellationToken) =>
        await auth.ConfirmEmailAsync(request, cancellationToken).ToNoContent();

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> Me(ClaimsPrincipal user, AuthService auth, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimNames.Subject), out var id))
        {
            return Failure.NotFound("Account").ToResult();
        }

        return (await auth.MeAsync(id, user, cancellationToken)).ToOk();
    }

    public static Results<Ok<ServiceTokenResponse>, ProblemHttpResult> ServiceToken(ServiceTokenRequest request, AuthService auth) =>
        auth.ServiceToken(request).ToOk();
}
