using MyHibachi.Api.Features.Marketing;
using MyHibachi.Contracts;
using MyHibachi.Workers.Google;

namespace MyHibachi.UnitTests.Google;

public sealed class MarketingMathTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 1);

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1_234_567L, 123L)]
    [InlineData(1_235_000L, 124L)] // half a cent rounds away from zero
    [InlineData(50_000_000L, 5000L)]
    public void Micros_become_whole_cents(long micros, long cents) => Assert.Equal(cents, MarketingMath.Cents(micros));

    [Fact]
    public void Cost_per_conversion_is_null_without_a_conversion_and_rounded_to_cents_with_some()
    {
        Assert.Null(MarketingMath.Cpa(10_000_000, 0));
        Assert.Equal(333L, MarketingMath.Cpa(10_000_000, 3));
        Assert.Equal(4000L, MarketingMath.Cpa(100_000_000, 2.5));
        Assert.Null(MarketingMath.PerBooking(5000, 0));
        Assert.Equal(1667L, MarketingMath.PerBooking(5000, 3));
    }

    [Fact]
    public void Pacing_counts_whole_days_projects_the_last_week_and_says_over_on_track_or_under()
    {
        // November has 30 days; on the 11th, ten whole days of $100 then five of $200 would not fit: use 10 days, the last 7 at $150.
        var today = new DateOnly(2026, 11, 11);
        var spend = Enumerable.Range(0, 10).Select(i => new DailySpend(Day1.AddDays(i), i < 3 ? 50_000_000 : 150_000_000, 1)).ToList();
        spend.Add(new DailySpend(today, 999_000_000, 0)); // today is not counted (a partial day)
        spend.Add(new DailySpend(new DateOnly(2026, 10, 31), 999_000_000, 0)); // nor last month
        var pacing = MarketingMath.Pacing(today, spend, 400_000, setByStaff: true);
        Assert.Equal((10, 30), (pacing.DaysCounted, pacing.DaysInMonth));
        Assert.Equal(3 * 5000 + 7 * 15000, pacing.SpentCents);
        Assert.Equal(15000, pacing.DailyRunRateCents);
        Assert.Equal(120_000 + 20 * 15000, pacing.ProjectedCents);
        Assert.Equal(1.05, pacing.ProjectedShare, 4);
        Assert.Equal("on_track", pacing.Pace); // exactly 105 % is still on track
        Assert.Equal(new DateOnly(2026, 11, 10), pacing.Through);

        Assert.Equal("over", MarketingMath.Pacing(today, spend, 399_000, true).Pace);
        Assert.Equal("under", MarketingMath.Pacing(today, spend, 500_000, true).Pace);
        Assert.Equal("no_budget", MarketingMath.Pacing(today, spend, 0, false).Pace);
        var first = MarketingMath.Pacing(Day1, spend, 400_000, false);
        Assert.Equal(("not_started", 0, 0L, (DateOnly?)null), (first.Pace, first.DaysCounted, first.SpentCents, first.Through));

        // Yesterday not synced yet: it is not a day of $0; nine days count and the run rate is the last seven stored (Nov 3..9).
        var stale = MarketingMath.Pacing(today, spend.Where(s => s.Date < today.AddDays(-1)), 400_000, true, through: today.AddDays(-2));
        Assert.Equal((9, 3 * 5000 + 6 * 15000, 13571L, new DateOnly(2026, 11, 9)), (stale.DaysCounted, stale.SpentCents, stale.DailyRunRateCents, stale.Through));
        Assert.Equal(3 * 5000 + 6 * 15000 + 21 * 13571, stale.ProjectedCents);
        // A stored day later than yesterday changes nothing: today is never counted.
        Assert.Equal(10, MarketingMath.Pacing(today, spend, 400_000, true, through: today).DaysCounted);
    }

    [Fact]
    public void The_month_budget_without_one_set_is_the_daily_budgets_times_the_days_a_shared_budget_once()
    {
        Assert.Equal(70L * 100 * 31, MarketingMath.MonthBudgetCents([(null, "1", 50_000_000), (null, "2", 20_000_000)], 31));
        Assert.Equal(50L * 100 * 30, MarketingMath.MonthBudgetCents([("b1", "1", 50_000_000), ("b1", "2", 50_000_000)], 30));
        Assert.Equal(0L, MarketingMath.MonthBudgetCents([], 30));
    }

    [Theory]
    [InlineData(9000L, 2.0, 4000L, 0L, true)]   // $45 a conversion over a $40 limit
    [InlineData(8000L, 2.0, 4000L, 0L, false)]  // exactly the limit
    [InlineData(4100L, 0.0, 4000L, 0L, true)]   // spent more than one conversion's worth without any
    [InlineData(3900L, 0.0, 4000L, 0L, false)]  // not yet
    [InlineData(9000L, 2.0, 4000L, 10000L, false)] // under the minimum spend
    [InlineData(0L, 0.0, 4000L, 0L, false)]
    public void A_window_breaks_the_threshold(long spent, double conversions, long max, long minSpend, bool breaks) =>
        Assert.Equal(breaks, MarketingMath.Breaks(spent, conversions, max, minSpend));

    [Fact]
    public void An_alert_fires_on_the_first_day_of_a_breach_only_and_again_after_a_recovery()
    {
        // $30 a day; a conversion a day except on days 5, 6 and 7, and again from day 8. A 3-day window, $40 limit.
        var days = Enumerable.Range(0, 15).Select(i => new DailySpend(Day1.AddDays(i), 30_000_000, i is >= 5 and <= 7 ? 0 : 1)).ToList();
        var starts = MarketingMath.BreachStarts(days, Day1, Day1.AddDays(14), 4000, 3, 0);
        // Day 5: window 3..5 = $90 for 2 conversions ($45). Days 6 to 9 continue it; day 10 recovers ($90 for 3).
        var start = Assert.Single(starts);
        Assert.Equal((Day1.AddDays(5), 9000L, 2.0, (long?)4500), (start.Day, start.SpentCents, start.Conversions, start.CpaCents));

        // A second breach later is a second alert; a breach already going on before the range is not new.
        days.AddRange(Enumerable.Range(15, 5).Select(i => new DailySpend(Day1.AddDays(i), 30_000_000, 0)));
        var again = MarketingMath.BreachStarts(days, Day1.AddDays(7), Day1.AddDays(19), 4000, 3, 0);
        Assert.Equal(new[] { Day1.AddDays(15) }, again.Select(b => b.Day).ToArray());
        Assert.True(again[0].StillBroken);
        Assert.False(start.StillBroken);
    }

    [Fact]
    public void Days_without_rows_count_as_no_spend()
    {
        var days = new[] { new DailySpend(Day1, 50_000_000, 0) };
        var starts = MarketingMath.BreachStarts(days, Day1, Day1.AddDays(5), 4000, 2, 0);
        Assert.Equal(new[] { Day1 }, starts.Select(b => b.Day).ToArray());
    }

    [Fact]
    public void Average_position_is_weighted_by_impressions()
    {
        Assert.Equal(3.2, MarketingMath.WeightedPosition([(3.0, 400), (4.0, 100)]));
        Assert.Equal(0.0, MarketingMath.WeightedPosition([]));
    }

    [Fact]
    public void An_experiment_waits_for_ten_conversions_per_arm_then_compares_cost_per_conversion()
    {
        ExperimentArmDto Arm(string name, bool control, double conversions, long? cpa) => new(name, control, 50, 0, 0, conversions, cpa, 0);
        Assert.StartsWith("Too early", MarketingReports.Verdict([Arm("A", true, 9, 500), Arm("B", false, 30, 200)]), StringComparison.Ordinal);
        Assert.Equal("The treatment converts 47 % cheaper: consider applying it.", MarketingReports.Verdict([Arm("A", true, 20, 500), Arm("B", false, 30, 267)]));
        Assert.Equal("The treatment costs 20 % more per conversion: keep the control.", MarketingReports.Verdict([Arm("A", true, 20, 500), Arm("B", false, 30, 600)]));
        Assert.Equal("No clear difference yet.", MarketingReports.Verdict([Arm("A", true, 20, 500), Arm("B", false, 30, 520)]));
        Assert.Null(MarketingReports.Verdict([Arm("A", true, 20, 500)]));
    }

    [Theory]
    [InlineData("hibachi", "hibachi")]
    [InlineData("hibachi, atlanta", "\"hibachi, atlanta\"")]
    [InlineData("the \"best\" hibachi", "\"the \"\"best\"\" hibachi\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("@home hibachi", "'@home hibachi")]
    [InlineData("\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Csv_fields_are_quoted_and_formulas_neutralised(string value, string field) => Assert.Equal(field, MarketingReports.Field(value));
}

public sealed class MarketingAdviceTests
{
    private static readonly MarketingRange Range = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28));

    private static MarketingSourceDto Source(string source) => new(source, source, true, null, null, "p", null, null, "ok", null, null, null, null, false, []);

    private static AdsRow Row(string name, long cost, double conversions, long clicks = 100) =>
        new(name, name, cost, clicks, clicks * 20, conversions, 0.05, MarketingMath.Cpa(cost * 10_000, conversions));

    private static AdsReportDto Ads(IReadOnlyList<AdsRow> campaigns, IReadOnlyList<AdsRow>? terms = null, BudgetPacingDto? pacing = null, IReadOnlyList<AdsRow>? hours = null)
    {
        var cost = campaigns.Sum(c => c.CostCents);
        var conversions = campaigns.Sum(c => c.Conversions);
        var totals = new AdsRow("total", "All", cost, 1000, 20000, conversions, 0.05, MarketingMath.Cpa(cost * 10_000, conversions));
        return new AdsReportDto(Source("ads"), Range, totals, 0, null, [], campaigns, [], terms ?? [], [], [], hours ?? [], pacing, [], [], []);
    }

    [Fact]
    public void A_campaign_spending_100_dollars_without_converting_is_a_high_priority_with_its_numbers()
    {
        var advice = MarketingAdvisor.Rules(new MarketingSnapshot(Range, Ads([Row("Brand", 20_000, 10), Row("Backyard PMax", 15_000, 0, clicks: 240)]), null, null));
        var pause = Assert.Single(advice, a => a.Title.Contains("Backyard PMax", StringComparison.Ordinal));
        Assert.Equal(("high", "ads"), (pause.Priority, pause.Area));
        Assert.Equal("$150.00", pause.Numbers["Cost"]);
        Assert.Equal("240", pause.Numbers["Clicks"]);
        Assert.Contains("240 clicks in 28 days", pause.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expensive_campaign_wasted_search_terms_and_overspend_come_in_priority_order()
    {
        var pacing = new BudgetPacingDto(2026, 11, 300_000, true, 200_000, 20, 30, 15_000, 350_000, 1.1667, "over", new DateOnly(2026, 11, 20));
        var advice = MarketingAdvisor.Rules(new MarketingSnapshot(Range,
            Ads([Row("Search", 40_000, 20), Row("Parties", 30_000, 3), Row("Brand", 5_000, 10)],
                terms: [Row("hibachi grill for sale", 3_000, 0), Row("benihana", 2_400, 0), Row("hibachi catering", 9_000, 5)], pacing: pacing), null, null));
        Assert.Equal(new[] { "high", "medium", "medium" }, advice.Select(a => a.Priority).ToArray());
        Assert.Equal("Ad spend is on course to pass this month's budget", advice[0].Title);
        Assert.Contains("about 14.3 %", advice[0].Detail, StringComparison.Ordinal);
        Assert.Equal("$3,500.00", advice[0].Numbers["Projected"]);
        // Account CPA $750 / 33 = $22.73; Parties pays $100.
        Assert.Contains(advice, a => a.Title == "\"Parties\" pays $100.00 per conversion, well above the account's $22.73");
        var negatives = Assert.Single(advice, a => a.Title.StartsWith("Add 1 search term", StringComparison.Ordinal));
        Assert.Equal("$30.00", negatives.Numbers["hibachi grill for sale"]);
        Assert.DoesNotContain("benihana", negatives.Detail, StringComparison.Ordinal); // $24 is under the $25 bar
    }

    [Fact]
    public void Search_rules_flag_unindexed_pages_and_queries_seen_but_not_clicked()
    {
        var search = new SearchReportDto(Source("search_console"), Range, new SearchTotals(0, 0, 0, 0), new SearchTotals(0, 0, 0, 0), [],
            [new SearchRow("hibachi at home", 10, 900, 0.011, 6.4), new SearchRow("hibachi catering", 90, 1000, 0.09, 2.1), new SearchRow("hibachi chef for hire", 3, 400, 0.0075, 14.2)],
            [], [new IndexIssueDto("https://x.example/Reviews", "FAIL", "Server error (5xx)", "SERVER_ERROR", null, null, null, DateTimeOffset.UtcNow),
                new IndexIssueDto("https://x.example/", "PASS", "Submitted and indexed", "SUCCESSFUL", null, null, null, DateTimeOffset.UtcNow)]);
        var advice = MarketingAdvisor.Rules(new MarketingSnapshot(Range, null, search, null));
        Assert.Equal(new[] { "1 page is not in Google's index", "Searchers see you for \"hibachi at home\" but rarely click", "\"hibachi chef for hire\" is on page two of Google" },
            advice.Select(a => a.Title).ToArray());
        Assert.Equal("Server error (5xx)", advice[0].Numbers["https://x.example/Reviews"]);
        Assert.Equal("1.1 %", advice[1].Numbers["CTR"]);
    }

    [Fact]
    public void Nothing_synced_means_no_advice()
    {
        Assert.Empty(MarketingAdvisor.Rules(new MarketingSnapshot(Range, null, null, null)));
    }
}

public sealed class MarketingPartsTests
{
    private static readonly DateOnly From = new(2026, 11, 1);

    private static MarketingFact Fact(DateOnly day, int i) => new("sc.query", day, $"query {i}", "https://x.example/", 1, 10, 0, 0, 3, 0, 0, 0);

    [Fact]
    public void A_sync_is_cut_into_whole_days_oldest_first_covering_the_range_with_the_details_on_the_first_part()
    {
        // Ten days, three rows a day, about 260 bytes a row: parts of at most 2,000 bytes hold two days.
        var facts = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, 3).Select(i => Fact(From.AddDays(d), i))).ToList();
        var campaigns = new[] { new AdsCampaignInfo("1", "Search", "ENABLED", 10_000_000) };
        var report = new MarketingDataReport(From, From.AddDays(11), facts, campaigns, [], null, null);
        var parts = MarketingParts.Split(report, "sc-domain:x.example", 2000);

        Assert.True(parts.Count > 1);
        Assert.Equal(From, parts[0].From);
        Assert.Equal(From.AddDays(11), parts[^1].To);
        for (var i = 1; i < parts.Count; i++)
        {
            Assert.Equal(parts[i - 1].To.AddDays(1), parts[i].From); // no day missed, none twice
        }

        Assert.All(parts, p => Assert.All(p.Facts!, f => Assert.InRange(f.Date, p.From, p.To)));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.More && p.Facts!.Sum(MarketingParts.Size) <= 2000));
        Assert.False(parts[^1].More);
        Assert.Same(campaigns, parts[0].Campaigns);
        Assert.All(parts.Skip(1), p => Assert.True(p.Campaigns is null && p.Experiments is null && p.Pages is null));
        Assert.All(parts, p => Assert.Equal("sc-domain:x.example", p.Property));
        Assert.Equal(facts, parts.SelectMany(p => p.Facts!));
    }

    [Fact]
    public void A_day_larger_than_a_part_stays_whole_and_a_small_sync_is_one_part()
    {
        var big = Enumerable.Range(0, 50).Select(i => Fact(From, i)).Append(Fact(From.AddDays(1), 0)).ToList();
        var parts = MarketingParts.Split(new MarketingDataReport(From, From.AddDays(1), big, null, null, null, null), "p", 1000);
        Assert.Equal(new[] { (From, From, 50), (From.AddDays(1), From.AddDays(1), 1) }, parts.Select(p => (p.From, p.To, p.Facts!.Count)).ToArray());

        var one = Assert.Single(MarketingParts.Split(new MarketingDataReport(From, From.AddDays(3), [], null, null, null, null), "p", 1000));
        Assert.Equal((From, From.AddDays(3), false), (one.From, one.To, one.More));
    }

    [Fact]
    public void A_row_outside_the_range_or_a_day_larger_than_the_api_takes_fails_the_sync_for_good()
    {
        var stray = Assert.Throws<GoogleException>(() => MarketingParts.Split(new MarketingDataReport(From, From.AddDays(1), [Fact(From.AddDays(2), 0)], null, null, null, null), "p", 1000));
        Assert.False(stray.Transient);

        // 4,000 rows of 4 kB: over 16 MB in one day (escaped characters count as the client writes them).
        var page = "https://x.example/?q=" + new string('é', 2000);
        var huge = Enumerable.Range(0, 4000).Select(i => Fact(From, i) with { Key2 = page }).ToList();
        Assert.True(MarketingParts.Size(huge[0]) > 4 * 2000);
        var tooBig = Assert.Throws<GoogleException>(() => MarketingParts.Split(new MarketingDataReport(From, From, huge, null, null, null, null), "p", 4_000_000));
        Assert.False(tooBig.Transient);
        Assert.Contains("more than the Api takes", tooBig.Message, StringComparison.Ordinal);
    }
}
