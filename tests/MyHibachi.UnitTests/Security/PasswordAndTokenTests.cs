using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using MyHibachi.Api.Features.Auth;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.UnitTests.Security;

public sealed class PasswordAndTokenTests
{
    [Theory]
    [InlineData("correct horse battery staple", true)]
    [InlineData("Grill-the-onion-9", true)]
    [InlineData("short", false)]
    [InlineData("password1234", false)]
    [InlineData("abababababab", false)]
    [InlineData("olivia.bennett-2026!", false)] // contains the e-mail's name
    public void Passwords_are_long_and_not_guessable(string password, bool accepted)
    {
        var errors = new ValidationErrors();

        PasswordPolicy.Check("password", password, "olivia.bennett@example.com", errors);

        Assert.Equal(accepted, !errors.Any);
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_refused()
    {
        var errors = new ValidationErrors();

        PasswordPolicy.Check("password", new string('x', 64) + new string('y', 65), null, errors);

        Assert.True(errors.Has("password"));
    }

    [Fact]
    public async Task Access_tokens_carry_roles_and_scope_and_expire_on_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new TokenService(Options.Create(new AuthOptions { SigningKey = new string('s', 48), AccessTokenMinutes = 15 }), clock);
        var station = Guid.NewGuid();

        var issued = tokens.IssueAccessToken(Guid.NewGuid(), "m@example.com", "Morgan", ["STATION_MANAGER"], [new Claim(TokenService.StationClaim, station.ToString())]);

        Assert.Equal(clock.GetUtcNow().AddMinutes(15), issued.ExpiresAt);
        var parameters = tokens.ValidationParameters();
        parameters.LifetimeValidator = (notBefore, expires, _, _) => notBefore <= clock.GetUtcNow().UtcDateTime && clock.GetUtcNow().UtcDateTime < expires;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued.Token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("STATION_MANAGER", result.ClaimsIdentity.FindFirst("role")!.Value);
        Assert.Equal(station.ToString(), result.ClaimsIdentity.FindFirst(TokenService.StationClaim)!.Value);

        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(issued.Token, parameters)).IsValid);
    }

    [Fact]
    public void Refresh_tokens_are_random_and_only_their_hash_is_kept()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => TokenService.NewOpaqueToken()).ToList();

        Assert.Equal(100, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.True(t.Length >= 43));
        Assert.Equal(64, TokenService.Hash(tokens[0]).Length);
        Assert.Equal(TokenService.Hash(tokens[0]), TokenService.Hash(tokens[0]));
        Assert.DoesNotContain(tokens[0], TokenService.Hash(tokens[0]));
    }

    [Fact]
    public void A_short_signing_key_fails_validation_at_start()
    {
        var options = new AuthOptions { SigningKey = "too-short" };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(AuthOptions.SigningKey)));
    }
}
