using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Security;

public sealed class AuthFlowTests(ApiAppHost host) : ApiTest(host)
{
    private const string Password = "Grill the onion volcano 9";

    private async Task<(HibachiApiClient Client, TokenResponse Tokens, string Email)> RegisterAsync(string? email = null)
    {
        email ??= $"flow-{Guid.NewGuid():N}@example.com";
        var client = Host.CreateAnonymousClient();
        (await client.PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(email, Password, "Flo", "Flow", null, null))).Ok(HttpStatusCode.Accepted);
        var tokens = await client.SignInAsync(email, Password);
        return (client, tokens, email);
    }

    private async Task<string> ConfirmationTokenAsync(string email)
    {
        var payload = await Host.ScalarAsync<string>("SELECT payload::text FROM outbox_messages WHERE type = 'user.registered' AND payload->>'email' = @email", ("email", email));
        return System.Text.Json.JsonDocument.Parse(payload!).RootElement.GetProperty("confirmationToken").GetString()!;
    }

    [Fact]
    public async Task A_customer_sees_their_earlier_guest_bookings_only_after_confirming_their_e_mail()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var email = $"guest-{Guid.NewGuid():N}@example.com";
        var guestBooking = await Host.CreateAnonymousClient().PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, HibachiApiClient.FutureDate(), email: email));
        guestBooking.Ok(HttpStatusCode.Created);

        var (client, tokens, _) = await RegisterAsync(email);
        Assert.False(tokens.User.EmailConfirmed);
        Assert.Equal(["CUSTOMER"], tokens.User.Roles);
        Assert.Empty((await client.GetAsync<PagedList<BookingSummaryDto>>("/api/bookings")).Ok().Items);

        (await client.PostAsync<string>("/api/auth/confirm-email", new ConfirmEmailRequest(email, "wrong-token"))).InvalidField("token");
        (await client.PostAsync<string>("/api/auth/confirm-email", new ConfirmEmailRequest(email, await ConfirmationTokenAsync(email)))).Ok(HttpStatusCode.NoContent);
        var fresh = (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(tokens.RefreshToken))).Ok();
        client.UseAccessToken(fresh.AccessToken);

        Assert.True(fresh.User.EmailConfirmed);
        var mine = (await client.GetAsync<PagedList<BookingSummaryDto>>("/api/bookings")).Ok();
        Assert.Equal(guestBooking.Body!.Id, Assert.Single(mine.Items).Id);
        var me = (await client.GetAsync<MeDto>("/api/auth/me")).Ok();
        Assert.Contains("bookings.read", me.Permissions);
        Assert.DoesNotContain("bookings.manage", me.Permissions);
    }

    [Theory]
    [InlineData("short1!", "password")]
    [InlineData("password1234", "password")]
    [InlineData("aaaaaaaaaaaa", "password")]
    [InlineData(null, "password")]
    public async Task Sign_up_refuses_weak_passwords(string? password, string field)
    {
        var response = await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/register",
            new RegisterRequest($"weak-{Guid.NewGuid():N}@example.com", password, "A", "B", null, null));

        response.InvalidField(field);
    }

    [Fact]
    public async Task Sign_up_with_an_e_mail_that_has_an_account_makes_no_second_account_and_does_not_say_so()
    {
        await Api.CreateStationAsync();
        var (_, _, email) = await RegisterAsync();
        var fresh = $"fresh-{Guid.NewGuid():N}@example.com";

        var taken = (await Host.CreateAnonymousClient().PostAsync<RegistrationReceipt>("/api/auth/register",
            new RegisterRequest(email.ToUpperInvariant(), "Another long passphrase 7", "A", "B", null, null))).Ok(HttpStatusCode.Accepted);
        var free = (await Host.CreateAnonymousClient().PostAsync<RegistrationReceipt>("/api/auth/register",
            new RegisterRequest(fresh, "Another long passphrase 7", "A", "B", null, null))).Ok(HttpStatusCode.Accepted);

        // The same answer for both, one account per address, and the owner is sent a reset link instead.
        Assert.Equal(free, taken);
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = @email", ("email", email)));
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE type = 'user.password_reset_requested' AND payload->>'email' = @email", ("email", email)));
        (await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/login", new LoginRequest(email, "Another long passphrase 7"))).Refused(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_admin_unlocks_it()
    {
        await Api.CreateStationAsync();
        var (_, tokens, email) = await RegisterAsync();
        var client = Host.CreateAnonymousClient();

        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsync<TokenResponse>("/api/auth/login", new LoginRequest(email, "not the password at all"))).Refused(HttpStatusCode.Unauthorized);
        }

        var locked = (await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/login", new LoginRequest(email, Password))).Refused(HttpStatusCode.Locked);
        Assert.Contains("Try again after", locked.Detail);
        (await Api.PostAsync<UserDto>($"/api/admin/users/{tokens.User.Id}/unlock")).Ok();
        (await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/login", new LoginRequest(email, Password))).Ok();
    }

    [Fact]
    public async Task Unknown_e_mails_and_wrong_passwords_get_the_same_answer()
    {
        await Api.CreateStationAsync();
        var (_, _, email) = await RegisterAsync();

        var wrong = await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/login", new LoginRequest(email, "not the password"));
        var unknown = await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/login", new LoginRequest("nobody-" + email, "not the password"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(wrong.Problem!.Title, unknown.Refused(HttpStatusCode.Unauthorized).Title);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_ends_the_whole_session()
    {
        await Api.CreateStationAsync();
        var (client, first, _) = await RegisterAsync();

        var second = (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(first.RefreshToken))).Ok();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        // Someone replays the first token: it is refused and the family, second token included, dies.
        (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(first.RefreshToken))).Refused(HttpStatusCode.Unauthorized);
        (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(second.RefreshToken))).Refused(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE user_id = @id AND revoked_at IS NULL", ("id", first.User.Id)));
        Assert.Equal(64, (await Host.ScalarAsync<string>("SELECT token_hash FROM refresh_tokens WHERE user_id = @id LIMIT 1", ("id", first.User.Id)))!.Length);
    }

    [Fact]
    public async Task Signing_out_ends_the_refresh_token()
    {
        await Api.CreateStationAsync();
        var (client, tokens, _) = await RegisterAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync<string>("/api/auth/logout", new RefreshRequest(tokens.RefreshToken))).Status);

        (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(tokens.RefreshToken))).Refused(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Access_tokens_are_checked_for_signature_issuer_audience_and_lifetime()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(await Host.ParameterAsync("auth-signing-key")));
        var me = (await Api.GetAsync<MeDto>("/api/auth/me")).Ok();
        // A token names its session and the account's security stamp; take them from the admin's real token.
        var real = new JsonWebTokenHandler().ReadJsonWebToken(Api.Http.DefaultRequestHeaders.Authorization!.Parameter);
        Claim[] session = [new("sid", real.GetClaim("sid").Value), new("sst", real.GetClaim("sst").Value)];
        string Token(string issuer = "myhibachi-api", string audience = "myhibachi", DateTime? expires = null, SecurityKey? signWith = null, bool withSession = true) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                Subject = new ClaimsIdentity([new Claim("sub", me.Id.ToString()), new Claim("role", "SUPER_ADMIN"), .. withSession ? session : []]),
                NotBefore = DateTime.UtcNow.AddHours(-2),
                Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(signWith ?? key, SecurityAlgorithms.HmacSha256),
            });

        async Task<HttpStatusCode> Call(string token)
        {
            var client = Host.CreateAnonymousClient();
            client.UseAccessToken(token);
            return (await client.GetAsync<string>("/api/admin/users")).Status;
        }

        Assert.Equal(HttpStatusCode.OK, await Call(Token()));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Token(withSession: false)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Token(issuer: "someone-else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Token(audience: "another-app")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Token(expires: DateTime.UtcNow.AddMinutes(-5))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(Token(signWith: new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))))));
        var valid = Token();
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(valid[..^4] + (valid[^4] == 'A' ? "BBBB" : "AAAA")));
        var unsigned = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            new JwtHeader(), new JwtPayload("myhibachi-api", "myhibachi", [new Claim("sub", me.Id.ToString()), new Claim("role", "SUPER_ADMIN")], DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(unsigned));
    }

    [Fact]
    public async Task Service_tokens_need_the_right_secret()
    {
        var client = Host.CreateAnonymousClient();

        (await client.PostAsync<ServiceTokenResponse>("/api/auth/service-token", new ServiceTokenRequest("workers", new string('x', 48)))).Refused(HttpStatusCode.Unauthorized);
        (await client.PostAsync<ServiceTokenResponse>("/api/auth/service-token", new ServiceTokenRequest("intruder", "whatever"))).Refused(HttpStatusCode.Unauthorized);
        var token = (await client.PostAsync<ServiceTokenResponse>("/api/auth/service-token", new ServiceTokenRequest("workers", await Host.ParameterAsync("workers-client-secret")))).Ok();
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Changing_an_account_s_roles_ends_its_sessions_and_a_super_admin_cannot_lock_themselves_out()
    {
        var email = $"staff-{Guid.NewGuid():N}@myhibachi.local";
        var user = (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest(email, "Sam Staff", Password, ["CUSTOMER_SUPPORT"], null, null))).Ok(HttpStatusCode.Created);
        var staff = Host.CreateAnonymousClient();
        var tokens = await staff.SignInAsync(email, Password);

        var updated = (await Api.PutAsync<UserDto>($"/api/admin/users/{user.Id}", new UpdateUserRequest(null, null, ["ADMIN"], null, null, null))).Ok();

        Assert.Equal(["ADMIN"], updated.Roles);
        (await staff.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(tokens.RefreshToken))).Refused(HttpStatusCode.Unauthorized);
        var me = (await Api.GetAsync<MeDto>("/api/auth/me")).Ok();
        (await Api.PutAsync<UserDto>($"/api/admin/users/{me.Id}", new UpdateUserRequest(null, null, null, null, null, false))).Refused(HttpStatusCode.Conflict);
        (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest("x@myhibachi.local", "X", Password, ["STATION_MANAGER"], null, null))).InvalidField("stationId");
        (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest("y@myhibachi.local", "Y", Password, ["OVERLORD"], null, null))).InvalidField("roles");
    }

    [Fact]
    public async Task Role_permissions_are_data_and_take_effect_when_changed()
    {
        var email = $"support-{Guid.NewGuid():N}@myhibachi.local";
        (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest(email, "Sue Support", Password, ["CUSTOMER_SUPPORT"], null, null))).Ok(HttpStatusCode.Created);
        var support = Host.CreateAnonymousClient();
        await support.SignInAsync(email, Password);
        var original = (await Api.GetAsync<RolesDto>("/api/admin/roles")).Ok().Roles.Single(r => r.Name == "CUSTOMER_SUPPORT").Permissions;
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync<string>("/api/admin/audit")).Status);
        try
        {
            (await Api.PutAsync<RolesDto>("/api/admin/roles/CUSTOMER_SUPPORT", new RolePermissionsRequest(original.Where(p => p != "audit.read").ToList()))).Ok();

            Assert.Equal(HttpStatusCode.Forbidden, (await support.GetAsync<string>("/api/admin/audit")).Status);
            (await Api.PutAsync<RolesDto>("/api/admin/roles/SUPER_ADMIN", new RolePermissionsRequest([]))).Refused(HttpStatusCode.Conflict);
        }
        finally
        {
            (await Api.PutAsync<RolesDto>("/api/admin/roles/CUSTOMER_SUPPORT", new RolePermissionsRequest(original))).Ok();
        }

        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync<string>("/api/admin/audit")).Status);
    }
}
