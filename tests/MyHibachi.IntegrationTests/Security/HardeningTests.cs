using System.Net;
using System.Text;
using System.Text.Json;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Security;

/// <summary>
/// The defects an outside probe found (races, privilege edges, revoked tokens, hostile input), each
/// with the test that failed before its fix.
/// </summary>
public sealed class HardeningTests(ApiAppHost host) : ApiTest(host)
{
    private const string Password = "Grill the onion volcano 9";

    [Fact]
    public async Task One_quote_becomes_one_booking_however_many_convert_it_at_once()
    {
        var station = await Api.CreateStationAsync();
        for (var i = 0; i < 5; i++)
        {
            await Api.CreateChefAsync(station.Id);
        }

        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 10, 0, null, null, null, null))).Ok(HttpStatusCode.Created);
        var request = new ConvertQuoteRequest(HibachiApiClient.FutureDate(), "18:00", null, new ContactRequest("Quinn", "Quote", "quinn@example.com", null),
            new AddressDto("1 Main St", null, "Atlanta", "GA", "30305"), null, null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Host.CreateAnonymousClient().PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", request)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal("quote.already_booked", a.Refused(HttpStatusCode.Conflict).Code));
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE quote_id = @id", ("id", quote.Id)));
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("{\"permissions\":null}")]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_role_update_without_its_permission_list_is_refused_and_changes_nothing(string body)
    {
        var before = await ChefPermissionsAsync();

        var answer = await Api.SendAsync<RolesDto>(HttpMethod.Put, "/api/admin/roles/CHEF", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Problem!.Errors);
        Assert.Equal(before, await ChefPermissionsAsync());
    }

    [Fact]
    public async Task A_role_update_in_invalid_utf8_is_refused_and_changes_nothing()
    {
        var before = await ChefPermissionsAsync();
        using var content = new ByteArrayContent([.. "{\"permissions\":[\""u8, 0xff, 0xfe, .. "\"]}"u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var answer = await Api.Http.PutAsync("/api/admin/roles/CHEF", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(before, await ChefPermissionsAsync());
    }

    [Fact]
    public async Task Role_permission_and_account_role_changes_are_in_the_audit_log()
    {
        var original = (await Api.GetAsync<RolesDto>("/api/admin/roles")).Ok().Roles.Single(r => r.Name == "CHEF").Permissions;
        try
        {
            (await Api.PutAsync<RolesDto>("/api/admin/roles/CHEF", new RolePermissionsRequest(original.Where(p => p != "chefs.schedule").ToList()))).Ok();
            var user = (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest($"audit-{Guid.NewGuid():N}@myhibachi.local", "Ava Audit", Password, ["CUSTOMER_SUPPORT"], null, null)))
                .Ok(HttpStatusCode.Created);
            (await Api.PutAsync<UserDto>($"/api/admin/users/{user.Id}", new UpdateUserRequest(null, null, ["ADMIN"], null, null, null))).Ok();

            var role = (await Api.GetAsync<PagedList<AuditEntryDto>>("/api/admin/audit?entityType=Role&entityId=CHEF")).Ok().Items.First();
            Assert.Contains("chefs.schedule", role.Before!.Value.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
            Assert.DoesNotContain("chefs.schedule", role.After!.Value.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal(ApiAppHost.AdminEmail, (await Api.GetAsync<MeDto>("/api/auth/me")).Ok().Email);
            var roles = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityType=User&entityId={user.Id}")).Ok().Items
                .Where(e => e.After?.TryGetProperty("roles", out _) == true).ToList();
            Assert.Contains(roles, e => e.Before?.GetProperty("roles")[0].GetString() == "CUSTOMER_SUPPORT" && e.After!.Value.GetProperty("roles")[0].GetString() == "ADMIN");
        }
        finally
        {
            (await Api.PutAsync<RolesDto>("/api/admin/roles/CHEF", new RolePermissionsRequest(original))).Ok();
        }
    }

    [Fact]
    public async Task Deactivating_an_account_ends_the_access_token_it_already_holds()
    {
        var (user, staff) = await StaffAsync("ADMIN");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync<StationDto>("/api/stations", StationRequest())).Status);

        (await Api.PutAsync<UserDto>($"/api/admin/users/{user.Id}", new UpdateUserRequest(null, null, null, null, null, false))).Ok();

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.PostAsync<StationDto>("/api/stations", StationRequest())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync<string>("/api/bookings")).Status);
    }

    [Fact]
    public async Task Removing_a_role_ends_the_access_token_it_already_holds()
    {
        var (user, staff) = await StaffAsync("ADMIN");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync<string>("/api/admin/audit")).Status);

        (await Api.PutAsync<UserDto>($"/api/admin/users/{user.Id}", new UpdateUserRequest(null, null, ["CHEF"], null, (await Api.CreateChefAsync((await Api.CreateStationAsync()).Id)).Chef.Id, null))).Ok();

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.PostAsync<StationDto>("/api/stations", StationRequest())).Status);
    }

    [Fact]
    public async Task Signing_out_ends_the_access_token_of_that_session_and_only_that_one()
    {
        var (_, _) = await StaffAsync("CUSTOMER_SUPPORT", out var email);
        var laptop = Host.CreateAnonymousClient();
        var laptopTokens = await laptop.SignInAsync(email, Password);
        var phone = Host.CreateAnonymousClient();
        await phone.SignInAsync(email, Password);

        (await laptop.PostAsync<string>("/api/auth/logout", new RefreshRequest(laptopTokens.RefreshToken))).Ok(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync<string>("/api/bookings")).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync<string>("/api/bookings")).Status);
    }

    [Fact]
    public async Task A_revoked_refresh_family_ends_its_access_tokens()
    {
        var (_, _) = await StaffAsync("CUSTOMER_SUPPORT", out var email);
        var client = Host.CreateAnonymousClient();
        var first = await client.SignInAsync(email, Password);
        var second = (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(first.RefreshToken))).Ok();
        client.UseAccessToken(second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync<string>("/api/bookings")).Status);

        // Someone replays the spent refresh token: the whole family is revoked, the live access token with it.
        (await Host.CreateAnonymousClient().PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(first.RefreshToken))).Refused(HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync<string>("/api/bookings")).Status);
    }

    public static TheoryData<string, string, string, string> ControlCharacters() => new()
    {
        // method, path, body (JSON escapes such as \u0000 put the control character in), the field the error must name
        { "POST", "/api/leads", """{"name":"Al\u0000ice","email":"alice@example.com"}""", "name" },
        { "POST", "/api/auth/register", """{"email":"n@example.com","password":"Long enough pass 9","firstName":"N\u0000","lastName":"B"}""", "firstName" },
        { "POST", "/api/quote/calculate", """{"zip":"303\u000105","adults":10}""", "zip" },
        { "POST", "/api/quote/calculate", """{"zip":"30305","adults":10,"selections":[{"code":"gyo\u0000za","quantity":1}]}""", "selections[0].code" },
        { "POST", "/api/bookings", """{"customer":{"firstName":"P\u0000","lastName":"Q","email":"pq@example.com"},"eventDate":"2030-01-01","startTime":"18:00","adults":10}""", "customer.firstName" },
        { "POST", "/api/auth/login", """{"email":"admin@tests.myhibachi.local\u0000","password":"x"}""", "email" },
        { "GET", "/api/customers?q=ab%00c", "", "q" },
        { "GET", "/api/bookings?q=%1B%5B31m", "", "q" },
        { "GET", "/api/admin/audit?entityType=Boo%00king", "", "entityType" },
        { "GET", "/api/service-area?zip=30%0005", "", "zip" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public async Task Control_characters_in_any_text_get_a_field_error_not_a_500(string method, string path, string body, string field)
    {
        var leads = await Host.ScalarAsync<long>("SELECT count(*) FROM leads");

        var answer = await Api.SendAsync<string>(new HttpMethod(method), path, body.Length == 0 ? null : body);

        answer.InvalidField(field);
        Assert.Equal("validation_failed", answer.Problem!.Code);
        Assert.Equal(leads, await Host.ScalarAsync<long>("SELECT count(*) FROM leads"));
    }

    public static TheoryData<string, string> ExtremeDatesAndPages() => new()
    {
        { "/api/stations/{station}/slots?from=9999-12-31", "from" },
        { "/api/stations/{station}/slots?from=0001-01-01", "from" },
        { "/api/stations/{station}/slots?from=2030-01-01&to=9999-12-31", "to" },
        { "/api/chefs/{chef}/availability?from=0001-01-01&to=0001-01-05", "from" },
        { "/api/bookings?page=2147483647", "page" },
        { "/api/customers?page=2147483647&pageSize=100", "page" },
        { "/api/admin/leads?page=99999999", "page" },
        { "/api/bookings?from=0001-01-01T00:00:00%2B14:00", "from" },
        { "/api/bookings?to=9999-12-31T23:59:59-12:00", "to" },
        { "/api/admin/audit?from=0001-01-01T00:00:00%2B14:00", "from" },
        // Query strings bind numbers into enums: a number that is no member is a field error too.
        { "/api/bookings?status=99", "status" },
        { "/api/admin/leads?source=12345", "source" },
    };

    [Theory]
    [MemberData(nameof(ExtremeDatesAndPages))]
    public async Task Dates_at_the_ends_of_the_calendar_and_huge_pages_get_a_field_error(string path, string field)
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;

        (await Api.GetAsync<string>(path.Replace("{station}", station.Id.ToString()).Replace("{chef}", chef.Id.ToString()))).InvalidField(field);
    }

    [Theory]
    [InlineData("9999-12-31", "23:30")]
    [InlineData("0001-01-01", "00:00")]
    [InlineData("2020-06-01", "18:00")]
    public async Task A_booking_far_in_the_past_or_future_is_refused_on_its_date(string date, string time)
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);

        (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, DateOnly.Parse(date), time))).InvalidField("eventDate");
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM bookings"));
    }

    [Fact]
    public async Task Time_off_in_the_past_and_date_overrides_out_of_range_are_refused()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;

        (await Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off", new TimeOffRequest(
            DateTimeOffset.Parse("2020-03-01T00:00:00Z"), DateTimeOffset.Parse("2020-03-05T00:00:00Z"), "Long ago"))).InvalidField("endsAt");
        (await Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off", new TimeOffRequest(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null))).InvalidField("startsAt");
        (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/date-overrides/0001-01-01", new DateOverrideRequest(false, null, null, null))).InvalidField("date");
        (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/date-overrides/9999-12-31", new DateOverrideRequest(false, null, null, null))).InvalidField("date");
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM chef_time_off") + await Host.ScalarAsync<long>("SELECT count(*) FROM chef_date_overrides"));
    }

    [Fact]
    public async Task Time_off_and_a_booking_for_the_same_chef_never_both_win()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        for (var round = 0; round < 6; round++)
        {
            var date = HibachiApiClient.FutureDate(20 + round);
            var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(0, 0)), TimeSpan.FromHours(-5));
            var booking = Host.CreateAnonymousClient().PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "18:00"));
            var timeOff = Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off", new TimeOffRequest(start, start.AddDays(1), "Family"));
            await Task.WhenAll(booking, timeOff);

            var bothWon = (await booking).Status == HttpStatusCode.Created && (await timeOff).Status == HttpStatusCode.Created;
            Assert.False(bothWon, $"Round {round}: the chef is booked during their time off.");
            Assert.Contains((await timeOff).Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
        }
    }

    [Fact]
    public async Task A_chef_deleted_while_a_booking_takes_them_never_leaves_the_booking_on_a_deleted_chef()
    {
        var station = await Api.CreateStationAsync();
        for (var round = 0; round < 5; round++)
        {
            var chef = (await Api.CreateChefAsync(station.Id)).Chef;
            var booking = Host.CreateAnonymousClient().PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, HibachiApiClient.FutureDate(30 + round), "18:00"));
            var delete = Api.DeleteAsync($"/api/chefs/{chef.Id}", "Left the company for good");
            await Task.WhenAll(booking, delete);

            var orphans = await Host.ScalarAsync<long>(
                "SELECT count(*) FROM bookings b JOIN chefs c ON c.id = b.chef_id WHERE c.deleted_at IS NOT NULL AND b.status IN ('Pending', 'Confirmed') AND b.deleted_at IS NULL");
            Assert.Equal(0, orphans);
        }
    }

    [Fact]
    public async Task A_day_off_or_emptied_weekly_hours_are_refused_while_they_would_strand_a_booking()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var date = HibachiApiClient.FutureDate(9);
        var booking = await Api.CreateBookingAsync(station.Id, date);

        var dayOff = (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/date-overrides/{date:yyyy-MM-dd}", new DateOverrideRequest(false, null, null, "Away")))
            .Refused(HttpStatusCode.Conflict);
        Assert.Equal("chef.has_bookings", dayOff.Code);
        Assert.Contains(booking.Reference, dayOff.Detail);
        (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/date-overrides/{date:yyyy-MM-dd}", new DateOverrideRequest(true, "09:00", "12:00", "Morning only")))
            .Refused(HttpStatusCode.Conflict);

        var read = await Api.GetAsync<ChefDetailDto>($"/api/chefs/{chef.Id}");
        var withoutThatDay = read.Ok().Chef.WorkingHours.Where(h => h.DayOfWeek != date.DayOfWeek).ToList();
        var emptied = (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}", new ChefRequest(null, null, null, null, null, null, null, null, null, null, withoutThatDay), read.ETag))
            .Refused(HttpStatusCode.Conflict);
        Assert.Contains(booking.Reference, emptied.Detail);

        // A day off elsewhere is fine, and the booking is untouched.
        (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/date-overrides/{date.AddDays(1):yyyy-MM-dd}", new DateOverrideRequest(false, null, null, "Away"))).Ok();
        Assert.Equal(chef.Id, (await Api.GetBookingAsync(booking.Id)).Booking.ChefId);
    }

    [Fact]
    public async Task A_customer_is_offered_only_the_actions_they_can_take_now()
    {
        var station = await Api.CreateStationAsync(notice: 1);
        await Api.CreateChefAsync(station.Id);
        var email = $"actions-{Guid.NewGuid():N}@example.com";
        var soon = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(2), email: email);
        var later = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(20), email: email);
        var customer = await ConfirmedCustomerAsync(email);

        var near = (await customer.GetAsync<BookingDto>($"/api/bookings/{soon.Id}")).Ok();
        var far = (await customer.GetAsync<BookingDto>($"/api/bookings/{later.Id}")).Ok();

        Assert.Empty(near.AllowedActions);
        Assert.Equal(["update", "cancel"], far.AllowedActions);
        // What is offered works; what is not offered is refused.
        (await customer.PostAsync<BookingDto>($"/api/bookings/{soon.Id}/cancel", new CancelBookingRequest("Plans changed"))).Refused(HttpStatusCode.Conflict);
        Assert.Contains("confirm", (await Api.GetAsync<BookingDto>($"/api/bookings/{soon.Id}")).Ok().AllowedActions);
    }

    [Fact]
    public async Task A_password_reset_link_works_once_confirms_the_address_and_ends_other_sessions()
    {
        await Api.CreateStationAsync();
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        var client = Host.CreateAnonymousClient();
        (await client.PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(email, Password, "Rae", "Reset", null, null))).Ok(HttpStatusCode.Accepted);
        var old = await client.SignInAsync(email, Password);

        var unknown = (await Host.CreateAnonymousClient().PostAsync<RegistrationReceipt>("/api/auth/forgot-password", new ForgotPasswordRequest("nobody-" + email))).Ok(HttpStatusCode.Accepted);
        var known = (await Host.CreateAnonymousClient().PostAsync<RegistrationReceipt>("/api/auth/forgot-password", new ForgotPasswordRequest(email))).Ok(HttpStatusCode.Accepted);
        Assert.Equal(unknown, known);
        var token = await OutboxTokenAsync("user.password_reset_requested", email, "resetToken");

        (await Host.CreateAnonymousClient().PostAsync<string>("/api/auth/reset-password", new ResetPasswordRequest(email, "not-the-token", "A brand new passphrase 1"))).InvalidField("token");
        (await Host.CreateAnonymousClient().PostAsync<string>("/api/auth/reset-password", new ResetPasswordRequest(email, token, "A brand new passphrase 1"))).Ok(HttpStatusCode.NoContent);
        (await Host.CreateAnonymousClient().PostAsync<string>("/api/auth/reset-password", new ResetPasswordRequest(email, token, "Yet another passphrase 2"))).InvalidField("token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync<string>("/api/auth/me")).Status);
        (await client.PostAsync<TokenResponse>("/api/auth/refresh", new RefreshRequest(old.RefreshToken))).Refused(HttpStatusCode.Unauthorized);
        var fresh = await Host.CreateAnonymousClient().SignInAsync(email, "A brand new passphrase 1");
        Assert.True(fresh.User.EmailConfirmed);
    }

    [Fact]
    public async Task A_guest_s_bookings_join_an_account_only_when_its_owner_proves_the_address()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var guest = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(15), email: email);

        // Someone else signs up first with the owner's address: they see nothing.
        var squatter = Host.CreateAnonymousClient();
        (await squatter.PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(email, "Squatter passphrase 77", "Sam", "Squat", null, null))).Ok(HttpStatusCode.Accepted);
        await squatter.SignInAsync(email, "Squatter passphrase 77");
        Assert.Empty((await squatter.GetAsync<PagedList<BookingSummaryDto>>("/api/bookings")).Ok().Items);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM customers WHERE email = @email AND user_id IS NOT NULL", ("email", email)));

        // The owner signs up too, gets a reset link instead of a second account, and takes the account over.
        (await Host.CreateAnonymousClient().PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(email, Password, "Olive", "Owner", null, null))).Ok(HttpStatusCode.Accepted);
        var token = await OutboxTokenAsync("user.password_reset_requested", email, "resetToken");
        (await Host.CreateAnonymousClient().PostAsync<string>("/api/auth/reset-password", new ResetPasswordRequest(email, token, Password))).Ok(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await squatter.GetAsync<string>("/api/bookings")).Status);
        var owner = Host.CreateAnonymousClient();
        await owner.SignInAsync(email, Password);
        Assert.Equal(guest.Id, Assert.Single((await owner.GetAsync<PagedList<BookingSummaryDto>>("/api/bookings")).Ok().Items).Id);
    }

    [Fact]
    public async Task If_match_follows_rfc_9110()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        var (_, etag) = await Api.GetBookingAsync(booking.Id);
        var change = new UpdateBookingRequest(null, null, null, null, null, null, "Changed", null, null);

        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, $"W/{etag}")).Refused(HttpStatusCode.PreconditionFailed);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, "\"1\", \"2\"")).Refused(HttpStatusCode.PreconditionFailed);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, "not-a-tag")).InvalidField("If-Match");
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, "*, \"1\"")).InvalidField("If-Match");
        var listed = (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, $"\"1\", {etag}")).Ok();
        Assert.Equal("Changed", listed.DietaryNotes);
        var any = (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change with { DietaryNotes = "Any version" }, "*")).Ok();
        Assert.Equal("Any version", any.DietaryNotes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_gets_the_same_field_problem_as_other_malformed_json(string body)
    {
        var answer = await Host.CreateAnonymousClient().SendAsync<string>(HttpMethod.Post, "/api/leads", body);

        var problem = answer.InvalidField("body");
        Assert.Equal("validation_failed", problem.Code);
    }

    private static StationRequest StationRequest() =>
        new($"h{Guid.NewGuid().ToString("N")[..8]}", "Hardening", "America/New_York", "30303", 50, 24, 72, true);

    private Task<(UserDto User, HibachiApiClient Client)> StaffAsync(string role) => StaffAsync(role, out _);

    private Task<(UserDto User, HibachiApiClient Client)> StaffAsync(string role, out string email)
    {
        var address = email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@myhibachi.local";
        return CreateAsync();

        async Task<(UserDto, HibachiApiClient)> CreateAsync()
        {
            var user = (await Api.PostAsync<UserDto>("/api/admin/users", new CreateUserRequest(address, role, Password, [role], null, null))).Ok(HttpStatusCode.Created);
            var client = Host.CreateAnonymousClient();
            await client.SignInAsync(address, Password);
            return (user, client);
        }
    }

    private Task<HibachiApiClient> ConfirmedCustomerAsync(string email) => ConfirmedCustomerAsync(email, Password);

    private Task<string?> ChefPermissionsAsync() => Host.ScalarAsync<string>(
        "SELECT string_agg(p.name, ',' ORDER BY p.name) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id JOIN permissions p ON p.id = rp.permission_id WHERE r.name = 'CHEF'");

    [Fact]
    public async Task A_new_confirmation_link_replaces_the_old_one_and_the_answer_never_tells_whether_an_account_exists()
    {
        await Api.CreateStationAsync();
        var email = $"resend-{Guid.NewGuid():N}@example.com";
        var client = Host.CreateAnonymousClient();
        (await client.PostAsync<RegistrationReceipt>("/api/auth/register", new RegisterRequest(email, Password, "Rae", "Resend", null, null))).Ok(HttpStatusCode.Accepted);
        var first = await OutboxTokenAsync("user.registered", email, "confirmationToken");

        var resent = (await client.PostAsync<RegistrationReceipt>("/api/auth/resend-confirmation", new ResendConfirmationRequest(email))).Ok(HttpStatusCode.Accepted);
        var unknown = (await client.PostAsync<RegistrationReceipt>("/api/auth/resend-confirmation", new ResendConfirmationRequest($"nobody-{Guid.NewGuid():N}@example.com"))).Ok(HttpStatusCode.Accepted);
        Assert.Equal(resent.Message, unknown.Message);
        var second = await OutboxTokenAsync("user.registered", email, "confirmationToken");
        Assert.NotEqual(first, second);

        (await client.PostAsync<string>("/api/auth/confirm-email", new ConfirmEmailRequest(email, first))).Refused(HttpStatusCode.BadRequest);
        (await client.PostAsync<string>("/api/auth/confirm-email", new ConfirmEmailRequest(email, second))).Ok(HttpStatusCode.NoContent);
        // A confirmed account gets no more links.
        var before = await Host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE type = 'user.registered' AND payload->>'email' = @email", ("email", email));
        (await client.PostAsync<RegistrationReceipt>("/api/auth/resend-confirmation", new ResendConfirmationRequest(email))).Ok(HttpStatusCode.Accepted);
        Assert.Equal(before, await Host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE type = 'user.registered' AND payload->>'email' = @email", ("email", email)));
    }
}
