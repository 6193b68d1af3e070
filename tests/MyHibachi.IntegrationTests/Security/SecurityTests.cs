using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Security;

public sealed class SecurityTests(ApiAppHost host) : ApiTest(host)
{
    public static readonly string[] Payloads =
    [
        "Robert'); DROP TABLE customers;--",
        "' OR '1'='1",
        "1; SELECT pg_sleep(5); --",
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(document.cookie)",
        "{{7*7}} ${7*7} %s %n",
        "' UNION SELECT password_hash FROM users --",
    ];

    [Fact]
    public async Task The_api_allows_100_requests_a_minute_per_client_then_answers_429_with_retry_after()
    {
        var client = Host.CreateAnonymousClient();
        ApiResponse<string>? refused = null;
        var allowed = 0;
        for (var i = 0; i < 201 && refused is null; i++)
        {
            var response = await client.GetAsync<string>("/api/menu");
            if (response.Status == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.Status);
                allowed++;
            }
        }

        // 100 in one window; more only if the minute turned during the run.
        Assert.NotNull(refused);
        Assert.InRange(allowed, 100, 200);
        Assert.InRange(int.Parse(refused!.Headers.RetryAfter!.ToString()), 1, 60);
        Assert.Equal("100", refused.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("Too many requests.", refused.Problem!.Title);
        // Another client is not affected.
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateAnonymousClient().GetAsync<string>("/api/menu")).Status);
    }

    [Fact]
    public async Task Sign_in_is_limited_more_strictly()
    {
        var client = Host.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            statuses.Add((await client.PostAsync<string>("/api/auth/login", new LoginRequest("nobody@example.com", "wrong password"))).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 10, 20);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await Api.Http.GetAsync("/api/menu");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("strict-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("sqlmap/1.7.2#stable (https://sqlmap.org)")]
    [InlineData("Mozilla/5.0 Nikto/2.5.0")]
    [InlineData("masscan/1.3")]
    public async Task Known_attack_tools_are_turned_away(string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/menu");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);

        using var response = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Injection_payloads_in_every_text_field_are_stored_as_plain_data_and_never_cause_a_500()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var statuses = new List<(string What, HttpStatusCode Status)>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var email = $"inject{i}@example.com";
            var customer = await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(station.Id, payload, payload, email, null, payload, null));
            statuses.Add(("customer", customer.Status));
            var stored = (await Api.GetAsync<CustomerDto>($"/api/customers/{customer.Ok(HttpStatusCode.Created).Id}")).Ok();
            Assert.Equal(payload, stored.FirstName);
            Assert.Equal(payload, stored.Notes);

            var booking = await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, HibachiApiClient.FutureDate(10 + i), email: $"b{email}") with
            {
                Customer = new ContactRequest(payload, payload, $"b{email}", null),
                Address = new AddressDto(payload, payload, payload, "GA", "30305"),
                DietaryNotes = payload,
                SpecialRequests = payload,
            });
            statuses.Add(("booking", booking.Status));
            Assert.Equal(payload, booking.Ok(HttpStatusCode.Created).DietaryNotes);
            Assert.Equal(payload, booking.Body!.Address.Line1);

            var lead = await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest(payload, $"l{email}", null, payload, null, null));
            statuses.Add(("lead", lead.Status));
            statuses.Add(("search customers", (await Api.GetAsync<string>($"/api/customers?q={Uri.EscapeDataString(payload)}")).Status));
            statuses.Add(("search bookings", (await Api.GetAsync<string>($"/api/bookings?q={Uri.EscapeDataString(payload)}")).Status));
            statuses.Add(("search leads", (await Api.GetAsync<string>($"/api/admin/leads?q={Uri.EscapeDataString(payload)}")).Status));
            statuses.Add(("quote", (await Api.PostAsync<string>("/api/quote/calculate", new { zip = payload, adults = 5, contact = new { name = payload } })).Status));
            statuses.Add(("login", (await Host.CreateAnonymousClient().PostAsync<string>("/api/auth/login", new LoginRequest(payload, payload))).Status));
            statuses.Add(("path", (await Api.GetAsync<string>($"/api/bookings/{Uri.EscapeDataString(payload)}")).Status));
        }

        Assert.DoesNotContain(statuses, s => (int)s.Status >= 500);
        // The search finds exactly the rows that contain the text, not everything.
        const string text = "' OR '1'='1";
        var search = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?q={Uri.EscapeDataString(text)}")).Ok();
        var containing = await Host.ScalarAsync<long>("SELECT count(*) FROM customers WHERE strpos(first_name || ' ' || last_name || ' ' || email, @t) > 0", ("t", text));
        Assert.Equal(containing, search.TotalCount);
        Assert.True(search.TotalCount < await Host.ScalarAsync<long>("SELECT count(*) FROM customers"));
        Assert.Equal(Payloads.Length, await Host.ScalarAsync<long>("SELECT count(*) FROM customers WHERE email LIKE 'inject%'"));
    }
}
