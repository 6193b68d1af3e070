using System.Globalization;
using System.Net;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Google;

/// <summary>
/// Search Console, Google Ads and GA4 read by the Workers from the local Google into PostgreSQL, and the dashboards'
/// numbers, pacing, CPA alerts, recommendations and exports computed from what was stored.
/// </summary>
public sealed class MarketingTests(GoogleAppHost host) : GoogleTest(host)
{
    private const string Scopes = "https://www.googleapis.com/auth/";

    private async Task<GoogleConnectionDto> MarketingConnectionAsync(params string[] scopes) =>
        (await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections", new GoogleConnectionRequest("Marketing " + Guid.NewGuid().ToString("N")[..6], "refresh_token",
            Google.ClientId, Google.ClientSecret, Google.RefreshToken, null, null, scopes.Select(s => Scopes + s).ToList()))).Ok();

    /// <summary>Yesterday in the business's calendar: the last day a sync reads and the default range ends on.</summary>
    private async Task<DateOnly> YesterdayAsync() => (await Api.GetAsync<SearchReportDto>("/api/v1/marketing/search")).Ok().Range.To;

    /// <summary>The source as staff see it; a wait that polls long enough meets the Api's 100 requests a minute, and then waits as told.</summary>
    private async Task<MarketingSourceDto> SourceAsync(string source)
    {
        while (true)
        {
            var response = await Api.GetAsync<IReadOnlyList<MarketingSourceDto>>("/api/v1/marketing/sources");
            if (response.Status != HttpStatusCode.TooManyRequests)
            {
                return response.Ok().Single(s => s.Source == source);
            }

            await Task.Delay(TimeSpan.FromSeconds(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1));
        }
    }

    /// <summary>Waits for the source's sync that finished after <paramref name="after"/>.</summary>
    private Task<MarketingSourceDto> SyncedAsync(string source, DateTimeOffset after) =>
        EventuallyAsync(() => SourceAsync(source), s => s.Status == "failed" || (s.Status == "ok" && s.LastSyncedAt > after), seconds: 60, what: source + " sync");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Search_console_is_read_into_postgres_with_top_queries_and_index_issues_and_stays_readable_when_google_fails()
    {
        var yesterday = await YesterdayAsync();
        var wrongScope = await MarketingConnectionAsync("adwords");
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/search_console", new MarketingSourceRequest(wrongScope.Id, "sc-domain:myhibachi.example", null, null)))
            .InvalidField("connectionId");
        var connection = await MarketingConnectionAsync("webmasters.readonly");
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/search_console", new MarketingSourceRequest(connection.Id, "myhibachi.example", null, null)))
            .InvalidField("property");
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/search_console", new MarketingSourceRequest(connection.Id, "sc-domain:x.example", null, 500)))
            .InvalidField("monthlyBudgetCents");

        var m = Google.Marketing;
        for (var back = 0; back < 3; back++)
        {
            var day = yesterday.AddDays(-back);
            m.SearchRows.Enqueue(new SearchRowData(day, "hibachi catering atlanta", "https://myhibachi.example/", 30, 400, 3.0));
            m.SearchRows.Enqueue(new SearchRowData(day, "hibachi at home", "https://myhibachi.example/Book", 5, 600, 9.0));
            m.SearchRows.Enqueue(new SearchRowData(day, "hibachi catering atlanta", "https://myhibachi.example/Menu", 10, 100, 4.0));
        }

        // A busy day: 5,000 query rows with long addresses, more than 1 MB in one request (the sync is sent in parts of whole days).
        var busy = yesterday.AddDays(-20);
        for (var i = 0; i < 5000; i++)
        {
            m.SearchRows.Enqueue(new SearchRowData(busy, $"hibachi query {i}", $"https://myhibachi.example/Menu?variant={i}&{new string('x', 200)}", 1, 10, 5.0));
        }

        m.Inspections["/"] = ("PASS", "Submitted and indexed", "SUCCESSFUL");
        m.Inspections["/Reviews"] = ("FAIL", "Server error (5xx)", "SERVER_ERROR");
        var before = DateTimeOffset.UtcNow;
        var linked = (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/search_console",
            new MarketingSourceRequest(connection.Id, "sc-domain:MyHibachi.example", null, null))).Ok();
        Assert.Equal(("sc-domain:myhibachi.example", true), (linked.Property, linked.Connected));
        var synced = await SyncedAsync("search_console", before);
        Assert.Equal("ok", synced.Status);
        Assert.Equal((yesterday.AddDays(1 - 90), yesterday), (synced.DataFrom!.Value, synced.DataTo!.Value));

        var busyDay = (await Api.GetAsync<SearchReportDto>($"/api/v1/marketing/search?from={Iso(busy)}&to={Iso(busy)}")).Ok();
        Assert.Equal((5000L, 50_000L), (busyDay.Totals.Clicks, busyDay.Totals.Impressions));

        var range = $"from={Iso(yesterday.AddDays(-6))}&to={Iso(yesterday)}";
        var report = (await Api.GetAsync<SearchReportDto>("/api/v1/marketing/search?" + range)).Ok();
        Assert.Equal((135L, 3300L), (report.Totals.Clicks, report.Totals.Impressions));
        Assert.Equal(0.0409, report.Totals.Ctr, 4);
        Assert.Equal(7, report.Daily[0].Points.Count);
        Assert.Equal(45, report.Daily[0].Points.Last().Value);
        Assert.Equal("hibachi catering atlanta", report.TopQueries[0].Key);
        Assert.Equal((120L, 1500L, 3.2), (report.TopQueries[0].Clicks, report.TopQueries[0].Impressions, report.TopQueries[0].Position));
        Assert.Equal("https://myhibachi.example/", report.TopPages[0].Key);
        var failing = Assert.Single(report.Pages, p => p.Url == "https://myhibachi.example/Reviews");
        Assert.Equal(("FAIL", "Server error (5xx)"), (failing.Verdict, failing.CoverageState));
        Assert.Contains(Google.Requests, r => r.Path == "/v1/urlInspection/index:inspect" && r.Body.Contains("\"inspectionUrl\":\"https://myhibachi.example/Quote\"", StringComparison.Ordinal));
        Assert.Contains(Google.Requests, r => r.Path == "/webmasters/v3/sites/sc-domain:myhibachi.example/searchAnalytics/query");

        // A bad range is a field error, not a 500, even at the calendar's edge.
        (await Api.GetAsync<SearchReportDto>("/api/v1/marketing/search?to=0001-01-05")).InvalidField("to");
        (await Api.GetAsync<SearchReportDto>("/api/v1/marketing/search?from=0001-01-01")).InvalidField("from");
        (await Api.GetAsync<SearchReportDto>($"/api/v1/marketing/search?from={Iso(yesterday)}&to={Iso(yesterday.AddDays(-3))}")).InvalidField("from");
        (await Api.GetAsync<SearchReportDto>($"/api/v1/marketing/search?from={Iso(yesterday.AddDays(-500))}&to={Iso(yesterday)}")).InvalidField("to");

        // Google fails every try: the source says so, and the dashboard still shows what is stored.
        Google.Fail("/searchAnalytics/query", 500, LocalGoogleServer.BackendErrorBody(), times: 5);
        before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NoContent, (await Api.PostAsync<object>("/api/v1/marketing/sources/search_console/sync")).Status);
        var failed = await EventuallyAsync(() => SourceAsync("search_console"), s => s.Status == "failed", seconds: 60, what: "the failed sync");
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);
        var still = (await Api.GetAsync<SearchReportDto>("/api/v1/marketing/search?" + range)).Ok();
        Assert.Equal(135L, still.Totals.Clicks);

        var csv = await Api.Http.GetAsync("/api/v1/marketing/export/search-queries.csv?" + range);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("query,clicks,impressions,ctr,position", lines[0]);
        Assert.Equal("hibachi catering atlanta,120,1500,0.08,3.2", lines[1]);
        (await Api.GetAsync<object>("/api/v1/marketing/export/nothing.csv")).InvalidField("report");
    }

    [Fact]
    public async Task Google_ads_is_read_through_a_429_paces_the_budget_fires_a_cpa_alert_on_the_first_day_of_the_breach_and_joins_our_bookings()
    {
        var yesterday = await YesterdayAsync();
        var today = yesterday.AddDays(1);
        var breachDay = yesterday.AddDays(-3);
        var m = Google.Marketing;
        m.Campaigns.Enqueue(new AdsCampaignData("111", "Hibachi Search", "ENABLED", 50_000_000));
        m.Campaigns.Enqueue(new AdsCampaignData("222", "Birthday Parties", "ENABLED", 20_000_000));
        // The trial arm spends the control's budget (one shared budget, counted once); a fourth campaign is removed before the second read.
        m.Campaigns.Enqueue(new AdsCampaignData("333", "Birthday Parties [trial]", "ENABLED", 20_000_000, BudgetId: "9222"));
        m.Campaigns.Enqueue(new AdsCampaignData("444", "Spring promo", "ENABLED", 30_000_000));
        for (var day = yesterday.AddDays(-9); day <= yesterday; day = day.AddDays(1))
        {
            // $30 a day with a conversion each day until the breach day; nothing converts from then on.
            var converts = day < breachDay;
            m.AdsRows.Enqueue(new AdsRowData(day, "111", 12, 300, 18_000_000, converts ? 1 : 0, Device: "MOBILE", Hour: 12, SearchTerm: "hibachi catering near me"));
            m.AdsRows.Enqueue(new AdsRowData(day, "111", 8, 200, 12_000_000, 0, Device: "DESKTOP", Hour: 0, GeoTarget: "geoTargetConstants/1015289", Keyword: "hibachi chef",
                MatchType: "EXACT", SearchTerm: "hibachi grill for sale"));
            m.AdsRows.Enqueue(new AdsRowData(day, "222", 10, 150, 10_000_000, 2, Device: "MOBILE", Hour: 19));
            m.AdsRows.Enqueue(new AdsRowData(day, "333", 10, 150, 8_000_000, 3, Device: "MOBILE", Hour: 19));
        }

        m.Experiments.Enqueue(new AdsExperimentData("77", "Party-size headlines", "SEARCH_CUSTOM", "ENABLED", yesterday.AddDays(-9), yesterday.AddDays(20),
            [("Control", true, 50, "222"), ("Trial", false, 50, "333")]));

        // A threshold before the first read: $40 per conversion over 3 days, every campaign.
        (await Api.PostAsync<CpaAlertRuleDto>("/api/v1/marketing/alerts/rules", new CpaAlertRuleRequest("999", 4000, 3, 0, true))).InvalidField("campaignId");
        (await Api.PostAsync<CpaAlertRuleDto>("/api/v1/marketing/alerts/rules", new CpaAlertRuleRequest(null, 0, 3, 0, true))).InvalidField("maxCpaCents");
        (await Api.PostAsync<CpaAlertRuleDto>("/api/v1/marketing/alerts/rules", new CpaAlertRuleRequest(null, 4000, 0, 0, true))).InvalidField("lookbackDays");
        var rule = (await Api.PostAsync<CpaAlertRuleDto>("/api/v1/marketing/alerts/rules", new CpaAlertRuleRequest(null, 4000, 3, 1000, true))).Ok();

        // Our own booking that came from an ad of the first campaign, confirmed.
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var request = Api.BookingRequest(station.Id, HibachiApiClient.FutureDate()) with { Attribution = new AttributionDto("google", "cpc", "Hibachi Search", "EAIaIQobChMI-test") };
        var booking = (await Api.PostAsync<BookingDto>("/api/bookings", request)).Ok(HttpStatusCode.Created);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();

        // Google Ads answers the first query with a quota error (and a retry delay): the sync waits and goes on.
        Google.Fail("googleAds:searchStream", 429, LocalGoogleMarketing.AdsQuotaBody("1s"));
        var connection = await MarketingConnectionAsync("adwords");
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/ads", new MarketingSourceRequest(connection.Id, "123-456-789", null, null))).InvalidField("property");
        var before = DateTimeOffset.UtcNow;
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/ads", new MarketingSourceRequest(connection.Id, "123-456-7890", "987-654-3210", null))).Ok();
        var synced = await SyncedAsync("ads", before);
        Assert.Equal("ok", synced.Status);
        var streams = Google.Requests.Where(r => r.Path == "/v25/customers/1234567890/googleAds:searchStream").ToList();
        Assert.True(streams.Count >= 9, $"{streams.Count} searchStream calls");
        Assert.All(streams, r => Assert.Equal("9876543210", r.Headers["login-customer-id"]));

        // The alert fired once, on the day the 3-day window first went over $40 per conversion, and staff were e-mailed.
        var ads = (await Api.GetAsync<AdsReportDto>($"/api/v1/marketing/ads?from={Iso(yesterday.AddDays(-9))}&to={Iso(today)}")).Ok();
        var alert = Assert.Single(ads.Alerts, a => a.RuleId == rule.Id);
        Assert.Equal(("111", breachDay, 9000L, 2.0, 4500L), (alert.CampaignId, alert.Day, alert.SpentCents, alert.Conversions, alert.CpaCents));
        var mail = await EventuallyAsync(() => Task.FromResult(Directory.Exists(Host.MailPickup)
                ? Directory.GetFiles(Host.MailPickup, "*.eml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains("CPA alert: Hibachi Search", StringComparison.Ordinal))
                : null), t => t is not null, what: "the CPA alert e-mail");
        Assert.Contains("$45.00", mail, StringComparison.Ordinal);

        // Reading again (Google Ads days are read again over the 30-day conversion window) does not fire it twice.
        m.Campaigns.Clear();
        m.Campaigns.Enqueue(new AdsCampaignData("111", "Hibachi Search", "ENABLED", 50_000_000));
        m.Campaigns.Enqueue(new AdsCampaignData("222", "Birthday Parties", "ENABLED", 20_000_000));
        m.Campaigns.Enqueue(new AdsCampaignData("333", "Birthday Parties [trial]", "ENABLED", 20_000_000, BudgetId: "9222"));
        before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NoContent, (await Api.PostAsync<object>("/api/v1/marketing/sources/ads/sync")).Status);
        await SyncedAsync("ads", before);
        var again = (await Api.GetAsync<AdsReportDto>($"/api/v1/marketing/ads?from={Iso(yesterday.AddDays(-9))}&to={Iso(today)}")).Ok();
        Assert.Single(again.Alerts, a => a.RuleId == rule.Id);
        var reread = Google.Requests.Last(r => r.Path.EndsWith("googleAds:searchStream", StringComparison.Ordinal) && r.Body.Contains("segments.date BETWEEN", StringComparison.Ordinal));
        var gaql = System.Text.Json.JsonDocument.Parse(reread.Body).RootElement.GetProperty("query").GetString();
        Assert.Contains($"BETWEEN '{Iso(yesterday.AddDays(-29))}' AND '{Iso(yesterday)}'", gaql, StringComparison.Ordinal);
        // The removed campaign's budget no longer counts.
        Assert.Equal(70L * 100 * DateTime.DaysInMonth(today.Year, today.Month), again.Pacing!.BudgetCents);

        // Campaigns with our paid bookings: the ad-attributed booking counts for its campaign.
        var search = ads.Campaigns.Single(c => c.Key == "111");
        Assert.Equal(("Hibachi Search", 30_000L, 200L, 6.0), (search.Name, search.CostCents, search.Clicks, search.Conversions));
        Assert.Equal((1, 30_000L), (search.Bookings, search.CostPerBookingCents));
        Assert.Equal(30_000L + 10_000 + 8_000, ads.Totals.CostCents);
        Assert.True(ads.BookingsFromAds >= 1);
        Assert.Equal(Math.Round((double)ads.Totals.CostCents / ads.BookingsFromAds), ads.CostPerBookingCents!.Value);

        // Devices, hours (midnight included though Google omits hour 0), locations by name, keywords by match type, search terms.
        Assert.Equal(new[] { "Mobile", "Computer" }, ads.Devices.Select(d => d.Name).ToArray());
        Assert.Equal(24, ads.Hours.Count);
        Assert.Equal((80L, 0.0), (ads.Hours[0].Clicks, ads.Hours[0].Conversions));
        Assert.Equal((120L, 200L), (ads.Hours[12].Clicks, ads.Hours[19].Clicks));
        Assert.Contains(ads.Locations, l => l.Name == "Marietta, Georgia" && l.Clicks == 80);
        Assert.Contains(ads.Keywords, k => k.Name == "[hibachi chef]");
        Assert.Contains(ads.Keywords, k => k.Name == "\"hibachi catering\"");
        Assert.Equal(12_000L, ads.SearchTerms.Single(t => t.Name == "hibachi grill for sale").CostCents);

        // The experiment's arms over its own days, with a verdict once both have ten conversions.
        var experiment = Assert.Single(ads.Experiments);
        Assert.Equal(new[] { ("Control", 20L, 10_000L), ("Trial", 30L, 8_000L) }, experiment.Arms.Select(a => (a.Name, (long)a.Conversions, a.CostCents)).ToArray());
        Assert.Equal((500L, 267L), (experiment.Arms[0].CpaCents!.Value, experiment.Arms[1].CpaCents!.Value));
        Assert.StartsWith("The treatment converts 47 % cheaper", experiment.Verdict, StringComparison.Ordinal);

        // Pacing: this month's whole days so far, against the daily budgets × the days of the month.
        var pacing = ads.Pacing!;
        var first = new DateOnly(today.Year, today.Month, 1);
        var days = Enumerable.Range(0, 10).Select(i => yesterday.AddDays(-i)).Where(d => d >= first).ToList();
        Assert.Equal((today.Day - 1, DateTime.DaysInMonth(today.Year, today.Month)), (pacing.DaysCounted, pacing.DaysInMonth));
        Assert.Equal(100L * 100 * pacing.DaysInMonth, pacing.BudgetCents);
        Assert.Equal(days.Count * 4_800L, pacing.SpentCents);
        Assert.Equal(pacing.SpentCents + pacing.DailyRunRateCents * (pacing.DaysInMonth - pacing.DaysCounted), pacing.ProjectedCents);

        // A budget set by staff replaces the daily budgets (saving the settings starts a sync: it is waited for below).
        var budgetSaved = DateTimeOffset.UtcNow;
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/ads", new MarketingSourceRequest(connection.Id, "1234567890", null, 1_000_00))).Ok();
        var paced = (await Api.GetAsync<AdsReportDto>("/api/v1/marketing/ads")).Ok().Pacing!;
        Assert.Equal((1_000_00L, true), (paced.BudgetCents, paced.BudgetSetByStaff));
        if (paced.DaysCounted > 0)
        {
            Assert.Equal(paced.ProjectedCents > 1_050_00 ? "over" : paced.ProjectedCents < 900_00 ? "under" : "on_track", paced.Pace);
        }

        // The export has every campaign with cost per booking.
        var csv = await (await Api.Http.GetAsync($"/api/v1/marketing/export/ads-campaigns.csv?from={Iso(yesterday.AddDays(-9))}&to={Iso(today)}")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nHibachi Search,300.00,200,5000,0.04,6,50.00,1,300.00\r\n", csv, StringComparison.Ordinal);

        await SyncedAsync("ads", budgetSaved);

        // A stream that breaks off after it began (a 200 whose array ends with an error) is a failed sync, not a shorter answer
        // (the one campaign read before the error taken for the whole list would mark the others removed).
        Google.Fail("googleAds:searchStream", 200,
            """[{"results":[{"campaign":{"id":"111","name":"Hibachi Search","status":"ENABLED"}}],"fieldMask":"campaign.id,campaign.name,campaign.status"},{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT"}}]""");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.PostAsync<object>("/api/v1/marketing/sources/ads/sync")).Status);
        var broken = await EventuallyAsync(() => SourceAsync("ads"), s => s.Status == "failed", seconds: 60, what: "the broken stream");
        Assert.Contains("broke off", broken.LastError, StringComparison.Ordinal);
        var kept = (await Api.GetAsync<AdsReportDto>($"/api/v1/marketing/ads?from={Iso(yesterday.AddDays(-9))}&to={Iso(today)}")).Ok();
        Assert.Equal(ads.Totals.CostCents, kept.Totals.CostCents);

        // The alert can be marked as seen; the overview lists only open ones.
        (await Api.PostAsync<CpaAlertDto>($"/api/v1/marketing/alerts/{alert.Id}/acknowledge")).Ok();
        var overview = (await Api.GetAsync<MarketingOverviewDto>("/api/v1/marketing/overview")).Ok();
        Assert.DoesNotContain(overview.OpenAlerts, a => a.Id == alert.Id);

        // Recommendations by rules, with their numbers: the campaign that spends without converting.
        var rules = (await Api.PostAsync<IReadOnlyList<RecommendationDto>>("/api/v1/marketing/recommendations/refresh")).Ok();
        Assert.All(rules, r => Assert.Contains(r.Priority, new[] { "high", "medium", "low" }));
        Assert.Contains(rules, r => r.Title.Contains("\"hibachi grill for sale\"", StringComparison.Ordinal) || r.Detail.Contains("\"hibachi grill for sale\"", StringComparison.Ordinal));
        Assert.Equal(rules.Select(r => r.Priority switch { "high" => 0, "medium" => 1, _ => 2 }).Order().ToArray(), rules.Select(r => r.Priority switch { "high" => 0, "medium" => 1, _ => 2 }).ToArray());

        // With an LLM: its list is used when every number in it is in the data, and the rules' list otherwise.
        Host.Llm.Script = facts => facts.Contains("\"snapshot\"", StringComparison.Ordinal)
            ? """[{"priority":"high","area":"ads","title":"Stop paying for \"hibachi grill for sale\"","detail":"That search cost 120.00 dollars without a booking.","numbers":{"Search term cost":"$120.00","Cost":"$120.00"}}]"""
            : null;
        try
        {
            var ai = (await Api.PostAsync<IReadOnlyList<RecommendationDto>>("/api/v1/marketing/recommendations/refresh")).Ok();
            var only = Assert.Single(ai);
            Assert.Equal(("ai", "high", "Stop paying for \"hibachi grill for sale\""), (only.Source, only.Priority, only.Title));
            // The numbers come back in the order they were written (a jsonb column would sort them, shortest key first).
            Assert.Equal(["Search term cost", "Cost"], only.Numbers.Keys.ToArray());
            Host.Llm.Script = facts => facts.Contains("\"snapshot\"", StringComparison.Ordinal)
                ? """[{"priority":"high","area":"ads","title":"Raise the budget","detail":"You will get 3,456 more bookings.","numbers":{}}]"""
                : null;
            var checkedAnswer = (await Api.PostAsync<IReadOnlyList<RecommendationDto>>("/api/v1/marketing/recommendations/refresh")).Ok();
            Assert.All(checkedAnswer, r => Assert.Equal("rules", r.Source));
            Assert.DoesNotContain(checkedAnswer, r => r.Title == "Raise the budget");
        }
        finally
        {
            Host.Llm.Script = null;
        }
    }

    [Fact]
    public async Task Ga4_is_read_through_a_500_and_the_funnel_ends_with_our_own_bookings()
    {
        var yesterday = await YesterdayAsync();
        var today = yesterday.AddDays(1);
        var m = Google.Marketing;
        foreach (var day in new[] { yesterday.AddDays(-1), yesterday })
        {
            m.AnalyticsRows.Enqueue(new AnalyticsRowData(day, "Organic Search", "/", 100, 80, 4));
            m.AnalyticsRows.Enqueue(new AnalyticsRowData(day, "Paid Search", "/Quote", 40, 35, 2));
            m.AnalyticsRows.Enqueue(new AnalyticsRowData(day, "Paid Search", "/Book", 10, 9, 1));
        }

        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();

        Google.Fail(":runReport", 500, """{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}""");
        var connection = await MarketingConnectionAsync("analytics.readonly");
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/analytics", new MarketingSourceRequest(connection.Id, "G-ABC123", null, null))).InvalidField("property");
        var before = DateTimeOffset.UtcNow;
        (await Api.PutAsync<MarketingSourceDto>("/api/v1/marketing/sources/analytics", new MarketingSourceRequest(connection.Id, "properties/412345678", null, null))).Ok();
        var synced = await SyncedAsync("analytics", before);
        Assert.Equal("ok", synced.Status);
        Assert.True(Google.Requests.Count(r => r.Path == "/v1beta/properties/412345678:runReport") >= 3, "the 500 was tried again");

        var report = (await Api.GetAsync<AnalyticsReportDto>($"/api/v1/marketing/analytics?from={Iso(yesterday.AddDays(-1))}&to={Iso(today)}")).Ok();
        Assert.Equal((300L, 248L, 14.0), (report.Totals.Sessions, report.Totals.Users, report.Totals.KeyEvents));
        Assert.Equal(new[] { ("Organic Search", 200L), ("Paid Search", 100L) }, report.Channels.Select(c => (c.Key, c.Sessions)).ToArray());
        Assert.Equal(new[] { "Visits (sessions)", "Saw a quote (/Quote)", "Opened the booking form (/Book)" }, report.Funnel.Take(3).Select(s => s.Name).ToArray());
        Assert.Equal(new[] { 300L, 80L, 20L }, report.Funnel.Take(3).Select(s => s.Count).ToArray());
        Assert.Equal(0.25, report.Funnel[2].FromPrevious!.Value, 4);
        // The last two steps are our bookings made in the range (this test's one among them), not Google's numbers.
        Assert.True(report.Funnel[3].Ours && report.Funnel[4].Ours);
        Assert.True(report.Funnel[3].Count >= 1 && report.Funnel[4].Count >= 1 && report.Funnel[4].Count <= report.Funnel[3].Count);
        Assert.Equal(report.Funnel[4].Count, report.Bookings);
        var csv = await (await Api.Http.GetAsync($"/api/v1/marketing/export/analytics-funnel.csv?from={Iso(yesterday.AddDays(-1))}&to={Iso(today)}")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nOpened the booking form (/Book),20,0.25,Google Analytics\r\n", csv, StringComparison.Ordinal);
    }
}
