using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Marketing;

/// <summary>
/// What the marketing dashboards show, added up in PostgreSQL from the synced rows for any date range (never a call
/// to Google), and joined with our own bookings: cost per real booking counts bookings whose deposit was paid.
/// </summary>
public sealed class MarketingReports(HibachiDbContext db, TimeProvider clock)
{
    public const int DefaultDays = 28;

    public const int MaxDays = 400;

    private sealed record Sum(string Key1, string? Key2, long Clicks, long Impressions, long CostMicros, double Conversions, double PositionWeight,
        long Sessions, long Users, double KeyEvents);

    private sealed record Day(DateOnly Date, long Clicks, long Impressions, long CostMicros, double Conversions, double PositionWeight, long Sessions,
        long Users, double KeyEvents);

    /// <summary>The range asked for, or the last 28 days up to yesterday; field errors for a backwards or too long range.</summary>
    public async Task<Result<MarketingRange>> RangeAsync(MarketingQuery query, CancellationToken cancellationToken)
    {
        var today = await MarketingCalendar.TodayAsync(db, clock, cancellationToken);
        var errors = new ValidationErrors();
        if (query.To is { Year: < 2000 } || query.From is { Year: < 2000 })
        {
            // Checked first: a default 'from' counted back from year 1 would not exist.
            return Failure.Invalid(query.From is { Year: < 2000 } ? "from" : "to", "Pick a date between the year 2000 and next year.");
        }

        var to = query.To ?? today.AddDays(-1);
        var from = query.From ?? to.AddDays(1 - DefaultDays);
        if (from > to)
        {
            errors.Add("from", "The first day must not be after the last day.");
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", $"A range is at most {MaxDays} days.");
        }

        if (from.Year < 2000 || to > today.AddYears(1))
        {
            errors.Add(from.Year < 2000 ? "from" : "to", "Pick a date between the year 2000 and next year.");
        }

        return errors.Any ? Failure.Invalid(errors) : new MarketingRange(from, to);
    }

    private async Task<List<Sum>> SumAsync(string report, MarketingRange range, CancellationToken cancellationToken) =>
        (await db.MarketingFacts.Where(f => f.Report == report && f.Date >= range.From && f.Date <= range.To)
            .GroupBy(f => new { f.Key1, f.Key2 })
            .Select(g => new
            {
                g.Key.Key1, g.Key.Key2, Clicks = g.Sum(f => f.Clicks), Impressions = g.Sum(f => f.Impressions), CostMicros = g.Sum(f => f.CostMicros),
                Conversions = g.Sum(f => f.Conversions), PositionWeight = g.Sum(f => f.Position * f.Impressions), Sessions = g.Sum(f => f.Sessions),
                Users = g.Sum(f => f.Users), KeyEvents = g.Sum(f => f.KeyEvents),
            }).ToListAsync(cancellationToken))
        .Select(g => new Sum(g.Key1, g.Key2, g.Clicks, g.Impressions, g.CostMicros, g.Conversions, g.PositionWeight, g.Sessions, g.Users, g.KeyEvents)).ToList();

    private async Task<List<Day>> DailyAsync(string report, MarketingRange range, CancellationToken cancellationToken)
    {
        var rows = await db.MarketingFacts.Where(f => f.Report == report && f.Date >= range.From && f.Date <= range.To)
            .GroupBy(f => f.Date)
            .Select(g => new
            {
                Date = g.Key, Clicks = g.Sum(f => f.Clicks), Impressions = g.Sum(f => f.Impressions), CostMicros = g.Sum(f => f.CostMicros),
                Conversions = g.Sum(f => f.Conversions), PositionWeight = g.Sum(f => f.Position * f.Impressions), Sessions = g.Sum(f => f.Sessions),
                Users = g.Sum(f => f.Users), KeyEvents = g.Sum(f => f.KeyEvents),
            }).ToListAsync(cancellationToken);
        var byDate = rows.ToDictionary(r => r.Date);
        // Every day of the range, zero where nothing was read, so charts keep their time axis.
        return Enumerable.Range(0, range.Days).Select(i => range.From.AddDays(i))
            .Select(d => byDate.TryGetValue(d, out var r)
                ? new Day(d, r.Clicks, r.Impressions, r.CostMicros, r.Conversions, r.PositionWeight, r.Sessions, r.Users, r.KeyEvents)
                : new Day(d, 0, 0, 0, 0, 0, 0, 0, 0))
            .ToList();
    }

    private static NamedSeries Series(string name, IEnumerable<Day> days, Func<Day, double> value) =>
        new(name, days.Select(d => new MarketingPoint(d.Date, value(d))).ToList());

    // ---- Search Console ----

    public async Task<Result<SearchReportDto>> SearchAsync(MarketingQuery query, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(query, cancellationToken);
        if (!range.Succeeded)
        {
            return range.Failure!;
        }

        var r = range.Value!;
        var days = await DailyAsync("sc.day", r, cancellationToken);
        var previous = await DailyAsync("sc.day", new MarketingRange(r.From.AddDays(-r.Days), r.From.AddDays(-1)), cancellationToken);
        var rows = await SumAsync("sc.query", r, cancellationToken);
        var queries = rows.GroupBy(x => x.Key1).Select(g => SearchRowOf(g.Key, g)).OrderByDescending(x => x.Clicks).ThenByDescending(x => x.Impressions).Take(100).ToList();
        var pages = rows.Where(x => x.Key2 is not null).GroupBy(x => x.Key2!).Select(g => SearchRowOf(g.Key, g))
            .OrderByDescending(x => x.Clicks).ThenByDescending(x => x.Impressions).Take(100).ToList();
        var inspections = (await db.SearchPageInspections.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.Verdict == "PASS" ? 2 : p.Verdict == "NEUTRAL" ? 1 : 0).ThenBy(p => p.Url, StringComparer.Ordinal)
            .Select(p => new IndexIssueDto(p.Url, p.Verdict, p.CoverageState, p.PageFetchState, p.RobotsTxtState, p.IndexingState, p.LastCrawlTime, p.CheckedAt)).ToList();
        return new SearchReportDto(await MarketingData.SourceAsync(db, MarketingSources.SearchConsole, cancellationToken), r, Totals(days), Totals(previous),
            [Series("Clicks", days, d => d.Clicks), Series("Impressions", days, d => d.Impressions)], queries, pages, inspections);
    }

    private static SearchRow SearchRowOf(string key, IEnumerable<Sum> rows)
    {
        var list = rows.ToList();
        var clicks = list.Sum(x => x.Clicks);
        var impressions = list.Sum(x => x.Impressions);
        return new SearchRow(key, clicks, impressions, MarketingMath.Ctr(clicks, impressions),
            impressions == 0 ? 0 : Math.Round(list.Sum(x => x.PositionWeight) / impressions, 1));
    }

    private static SearchTotals Totals(IReadOnlyList<Day> days)
    {
        var clicks = days.Sum(d => d.Clicks);
        var impressions = days.Sum(d => d.Impressions);
        return new SearchTotals(clicks, impressions, MarketingMath.Ctr(clicks, impressions), impressions == 0 ? 0 : Math.Round(days.Sum(d => d.PositionWeight) / impressions, 1));
    }

    // ---- Google Ads ----

    private sealed record OurBooking(DateTimeOffset CreatedAt, bool Paid, BookingAttribution? Attribution);

    /// <summary>Bookings made in the range (by the business's dates), with whether their deposit was paid and where they came from.</summary>
    private async Task<List<OurBooking>> BookingsAsync(MarketingRange range, CancellationToken cancellationToken)
    {
        var zone = await MarketingCalendar.ZoneAsync(db, cancellationToken);
        var start = Instant(range.From, zone);
        var end = Instant(range.To.AddDays(1), zone);
        return (await db.Bookings.AsNoTracking().Where(b => b.CreatedAt >= start && b.CreatedAt < end)
            .Select(b => new { b.CreatedAt, b.ConfirmedAt, b.Attribution }).ToListAsync(cancellationToken))
            .Select(b => new OurBooking(b.CreatedAt, b.ConfirmedAt != null, b.Attribution)).ToList();
    }

    private static DateTimeOffset Instant(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public async Task<Result<AdsReportDto>> AdsAsync(MarketingQuery query, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(query, cancellationToken);
        if (!range.Succeeded)
        {
            return range.Failure!;
        }

        var r = range.Value!;
        var campaigns = await db.AdsCampaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        string Name(string id) => campaigns.TryGetValue(id, out var c) ? c.Name : id;
        var bookings = (await BookingsAsync(r, cancellationToken)).Where(b => b.Paid && b.Attribution?.FromGoogleAds == true).ToList();
        int BookingsOf(string campaignId) => bookings.Count(b => b.Attribution!.Campaign is { } tag
            && (string.Equals(tag, campaignId, StringComparison.Ordinal) || string.Equals(tag, Name(campaignId), StringComparison.OrdinalIgnoreCase)));

        var byCampaign = (await SumAsync("ads.campaign", r, cancellationToken)).GroupBy(x => x.Key1)
            .Select(g => Row(g.Key, Name(g.Key), g, BookingsOf(g.Key))).OrderByDescending(x => x.CostCents).ToList();
        var totals = Row("total", "All campaigns", await SumAsync("ads.campaign", r, cancellationToken), bookings.Count);
        var days = await DailyAsync("ads.campaign", r, cancellationToken);
        var daily = new[]
        {
            Series("Cost ($)", days, d => MarketingMath.Cents(d.CostMicros) / 100.0),
            Series("Conversions", days, d => Math.Round(d.Conversions, 2)),
            Series("Clicks", days, d => d.Clicks),
        };
        var devices = await GroupedAsync("ads.device", r, key => DeviceName(key), cancellationToken);
        var hours = (await SumAsync("ads.hour", r, cancellationToken)).GroupBy(x => x.Key2 ?? "0").ToDictionary(g => g.Key, g => g.ToList());
        var hourRows = Enumerable.Range(0, 24).Select(h => h.ToString(CultureInfo.InvariantCulture))
            .Select(h => Row(h, $"{h.PadLeft(2, '0')}:00", hours.GetValueOrDefault(h) ?? [])).ToList();
        var pacing = await PacingAsync(cancellationToken);
        var experiments = await ExperimentsAsync(r, cancellationToken);
        var names = campaigns.ToDictionary(c => c.Key, c => c.Value.Name);
        var alerts = (await db.CpaAlerts.AsNoTracking().OrderByDescending(a => a.Day).ThenByDescending(a => a.FiredAt).Take(50).ToListAsync(cancellationToken))
            .Select(a => MarketingData.ToDto(a, names)).ToList();
        return new AdsReportDto(await MarketingData.SourceAsync(db, MarketingSources.Ads, cancellationToken), r, totals, bookings.Count,
            MarketingMath.PerBooking(totals.CostCents, bookings.Count), daily, byCampaign,
            (await GroupedAsync("ads.keyword", r, k => k, cancellationToken)).Take(100).ToList(),
            (await GroupedAsync("ads.search_term", r, k => k, cancellationToken)).Take(100).ToList(),
            (await GroupedAsync("ads.location", r, k => k, cancellationToken)).Take(50).ToList(),
            devices, hourRows, pacing, experiments, await MarketingData.RulesAsync(db, cancellationToken), alerts);
    }

    /// <summary>A report's rows added up by their second key (keyword, term, location, device) across campaigns, most spend first.</summary>
    private async Task<List<AdsRow>> GroupedAsync(string report, MarketingRange range, Func<string, string> name, CancellationToken cancellationToken) =>
        (await SumAsync(report, range, cancellationToken)).GroupBy(x => x.Key2 ?? "(none)").Select(g => Row(g.Key, name(g.Key), g))
        .OrderByDescending(x => x.CostCents).ThenByDescending(x => x.Clicks).ToList();

    private static AdsRow Row(string key, string name, IEnumerable<Sum> rows, int? bookings = null)
    {
        var list = rows.ToList();
        var cost = list.Sum(x => x.CostMicros);
        var clicks = list.Sum(x => x.Clicks);
        var impressions = list.Sum(x => x.Impressions);
        var conversions = Math.Round(list.Sum(x => x.Conversions), 2);
        var cents = MarketingMath.Cents(cost);
        return new AdsRow(key, name, cents, clicks, impressions, conversions, MarketingMath.Ctr(clicks, impressions), MarketingMath.Cpa(cost, conversions),
            bookings, bookings is { } b ? MarketingMath.PerBooking(cents, b) : null);
    }

    private static string DeviceName(string device) => device switch
    {
        "MOBILE" => "Mobile",
        "DESKTOP" => "Computer",
        "TABLET" => "Tablet",
        "CONNECTED_TV" => "TV",
        _ => "Other",
    };

    /// <summary>This month's pacing (the business's today), or null when Ads is not synced.</summary>
    public async Task<BudgetPacingDto?> PacingAsync(CancellationToken cancellationToken)
    {
        var setting = await db.MarketingSources.AsNoTracking().FirstOrDefaultAsync(s => s.Source == MarketingSources.Ads, cancellationToken);
        if (setting?.DataTo is null)
        {
            return null;
        }

        var today = await MarketingCalendar.TodayAsync(db, clock, cancellationToken);
        var first = new DateOnly(today.Year, today.Month, 1);
        var spend = await db.MarketingFacts.Where(f => f.Report == "ads.campaign" && f.Date >= first && f.Date < today)
            .Select(f => new DailySpend(f.Date, f.CostMicros, f.Conversions)).ToListAsync(cancellationToken);
        var enabled = await db.AdsCampaigns.Where(c => c.Status == "ENABLED").Select(c => new { c.BudgetId, c.Id, c.DailyBudgetMicros }).ToListAsync(cancellationToken);
        var budget = setting.MonthlyBudgetCents ?? MarketingMath.MonthBudgetCents(enabled.Select(c => (c.BudgetId, c.Id, c.DailyBudgetMicros)),
            DateTime.DaysInMonth(today.Year, today.Month));
        return MarketingMath.Pacing(today, spend, budget, setting.MonthlyBudgetCents is not null, setting.DataTo);
    }

    private async Task<List<ExperimentDto>> ExperimentsAsync(MarketingRange range, CancellationToken cancellationToken)
    {
        var experiments = await db.AdsExperiments.AsNoTracking().OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);
        if (experiments.Count == 0)
        {
            return [];
        }

        var result = new List<ExperimentDto>();
        foreach (var e in experiments)
        {
            // Each arm over the experiment's own days (clipped to what is stored), not the page's range.
            var from = e.StartDate ?? range.From;
            var to = e.EndDate is { } end && end < range.To ? end : range.To;
            var campaignIds = e.Arms.SelectMany(a => a.CampaignIds).ToList();
            var rows = from > to ? [] : await db.MarketingFacts.Where(f => f.Report == "ads.campaign" && campaignIds.Contains(f.Key1) && f.Date >= from && f.Date <= to)
                .GroupBy(f => f.Key1)
                .Select(g => new Sum(g.Key, null, g.Sum(f => f.Clicks), g.Sum(f => f.Impressions), g.Sum(f => f.CostMicros), g.Sum(f => f.Conversions), 0, 0, 0, 0))
                .ToListAsync(cancellationToken);
            var arms = e.Arms.Select(a =>
            {
                var row = Row(a.Name, a.Name, rows.Where(x => a.CampaignIds.Contains(x.Key1)));
                return new ExperimentArmDto(a.Name, a.Control, a.TrafficSplit, row.CostCents, row.Clicks, row.Conversions, row.CpaCents, row.Ctr);
            }).ToList();
            result.Add(new ExperimentDto(e.Id, e.Name, e.Type, e.Status, e.StartDate, e.EndDate, arms, Verdict(arms)));
        }

        return result;
    }

    /// <summary>
    /// Plain words on an experiment: too early until every arm has 10 conversions; then the treatment's cost per
    /// conversion against the control's (a 10 % difference either way counts).
    /// </summary>
    public static string? Verdict(IReadOnlyList<ExperimentArmDto> arms)
    {
        var control = arms.FirstOrDefault(a => a.Control);
        var treatment = arms.FirstOrDefault(a => !a.Control);
        if (control is null || treatment is null)
        {
            return null;
        }

        if (arms.Any(a => a.Conversions < 10) || control.CpaCents is not { } c || treatment.CpaCents is not { } t)
        {
            return "Too early: each arm needs at least 10 conversions.";
        }

        var change = (t - c) / (double)c;
        return change <= -0.10 ? $"The treatment converts {Math.Round(-change * 100)} % cheaper: consider applying it."
            : change >= 0.10 ? $"The treatment costs {Math.Round(change * 100)} % more per conversion: keep the control."
            : "No clear difference yet.";
    }

    // ---- GA4 ----

    public async Task<Result<AnalyticsReportDto>> AnalyticsAsync(MarketingQuery query, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(query, cancellationToken);
        if (!range.Succeeded)
        {
            return range.Failure!;
        }

        var r = range.Value!;
        var channels = (await SumAsync("ga.channel", r, cancellationToken)).GroupBy(x => x.Key1)
            .Select(g => new AnalyticsRow(g.Key, g.Sum(x => x.Sessions), g.Sum(x => x.Users), Math.Round(g.Sum(x => x.KeyEvents), 2)))
            .OrderByDescending(x => x.Sessions).ToList();
        var pages = (await SumAsync("ga.page", r, cancellationToken)).GroupBy(x => x.Key1)
            .Select(g => new AnalyticsRow(g.Key, g.Sum(x => x.Sessions), g.Sum(x => x.Users), Math.Round(g.Sum(x => x.KeyEvents), 2)))
            .OrderByDescending(x => x.Sessions).ToList();
        var days = await DailyAsync("ga.channel", r, cancellationToken);
        var totals = new AnalyticsRow("total", days.Sum(d => d.Sessions), days.Sum(d => d.Users), Math.Round(days.Sum(d => d.KeyEvents), 2));
        var bookings = await BookingsAsync(r, cancellationToken);
        var paid = bookings.Count(b => b.Paid);
        var fromAds = bookings.Count(b => b.Paid && b.Attribution?.FromGoogleAds == true);
        long Sessions(string prefix) => pages.Where(p => p.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Sessions);
        var steps = new List<(string Name, long Count, bool Ours)>
        {
            ("Visits (sessions)", totals.Sessions, false),
            ("Saw a quote (/Quote)", Sessions("/Quote"), false),
            ("Opened the booking form (/Book)", Sessions("/Book"), false),
            ("Booked (our bookings)", bookings.Count, true),
            ("Confirmed (our bookings)", paid, true),
        };
        var funnel = steps.Select((s, i) => new FunnelStepDto(s.Name, s.Count,
            i == 0 || steps[i - 1].Count == 0 ? null : Math.Round((double)s.Count / steps[i - 1].Count, 4), s.Ours)).ToList();
        var cost = MarketingMath.Cents((await SumAsync("ads.campaign", r, cancellationToken)).Sum(x => x.CostMicros));
        return new AnalyticsReportDto(await MarketingData.SourceAsync(db, MarketingSources.Analytics, cancellationToken), r, totals,
            [Series("Sessions", days, d => d.Sessions), Series("Key events", days, d => Math.Round(d.KeyEvents, 2))], channels, pages.Take(100).ToList(), funnel,
            cost, paid, fromAds, MarketingMath.PerBooking(cost, fromAds));
    }

    // ---- Overview ----

    public async Task<Result<MarketingOverviewDto>> OverviewAsync(MarketingQuery query, bool demoAvailable, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(query, cancellationToken);
        if (!range.Succeeded)
        {
            return range.Failure!;
        }

        var r = range.Value!;
        var ads = await SumAsync("ads.campaign", r, cancellationToken);
        var cost = MarketingMath.Cents(ads.Sum(x => x.CostMicros));
        var bookings = await BookingsAsync(r, cancellationToken);
        var fromAds = bookings.Count(b => b.Paid && b.Attribution?.FromGoogleAds == true);
        var clicks = await db.MarketingFacts.Where(f => f.Report == "sc.day" && f.Date >= r.From && f.Date <= r.To).SumAsync(f => f.Clicks, cancellationToken);
        var sessions = await db.MarketingFacts.Where(f => f.Report == "ga.channel" && f.Date >= r.From && f.Date <= r.To).SumAsync(f => f.Sessions, cancellationToken);
        var names = await db.AdsCampaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var open = (await db.CpaAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.Day).Take(20).ToListAsync(cancellationToken))
            .Select(a => MarketingData.ToDto(a, names)).ToList();
        return new MarketingOverviewDto(r, await MarketingData.SourcesAsync(db, cancellationToken), cost, Math.Round(ads.Sum(x => x.Conversions), 2), bookings.Count(b => b.Paid), fromAds,
            MarketingMath.PerBooking(cost, fromAds), clicks, sessions, await PacingAsync(cancellationToken), open, await RecommendationsAsync(cancellationToken),
            demoAvailable);
    }

    public async Task<IReadOnlyList<RecommendationDto>> RecommendationsAsync(CancellationToken cancellationToken) =>
        (await db.MarketingRecommendations.AsNoTracking().OrderBy(r => r.Rank).ToListAsync(cancellationToken))
        .Select(r => new RecommendationDto(r.Id, r.Priority, r.Area, r.Title, r.Detail, r.Numbers, r.Origin, r.CreatedAt)).ToList();

    // ---- CSV ----

    public static readonly IReadOnlyList<string> Exports =
    [
        "search-queries", "search-pages", "search-daily", "ads-campaigns", "ads-keywords", "ads-search-terms", "ads-locations", "ads-devices", "ads-hours",
        "ads-daily", "analytics-channels", "analytics-pages", "analytics-funnel",
    ];

    /// <summary>A dashboard table as CSV (RFC 4180; money in dollars with two decimals, rates as fractions).</summary>
    public async Task<Result<(string Name, string Csv)>> ExportAsync(string report, MarketingQuery query, CancellationToken cancellationToken)
    {
        if (!Exports.Contains(report))
        {
            return Failure.Invalid("report", "One of: " + string.Join(", ", Exports) + ".");
        }

        var rows = new List<IReadOnlyList<string>>();
        MarketingRange range;
        if (report.StartsWith("search", StringComparison.Ordinal))
        {
            var search = await SearchAsync(query, cancellationToken);
            if (!search.Succeeded)
            {
                return search.Failure!;
            }

            range = search.Value!.Range;
            if (report == "search-daily")
            {
                rows.Add(["date", "clicks", "impressions"]);
                rows.AddRange(search.Value.Daily[0].Points.Zip(search.Value.Daily[1].Points, (c, i) => (IReadOnlyList<string>)[Iso(c.Date), Num(c.Value), Num(i.Value)]));
            }
            else
            {
                rows.Add([report == "search-queries" ? "query" : "page", "clicks", "impressions", "ctr", "position"]);
                rows.AddRange((report == "search-queries" ? search.Value.TopQueries : search.Value.TopPages)
                    .Select(x => (IReadOnlyList<string>)[x.Key, Num(x.Clicks), Num(x.Impressions), Num(x.Ctr), Num(x.Position)]));
            }
        }
        else if (report.StartsWith("ads", StringComparison.Ordinal))
        {
            var ads = await AdsAsync(query, cancellationToken);
            if (!ads.Succeeded)
            {
                return ads.Failure!;
            }

            range = ads.Value!.Range;
            if (report == "ads-daily")
            {
                rows.Add(["date", "cost", "conversions", "clicks"]);
                var d = ads.Value.Daily;
                rows.AddRange(Enumerable.Range(0, d[0].Points.Count).Select(i =>
                    (IReadOnlyList<string>)[Iso(d[0].Points[i].Date), d[0].Points[i].Value.ToString("0.00", CultureInfo.InvariantCulture), Num(d[1].Points[i].Value), Num(d[2].Points[i].Value)]));
            }
            else
            {
                var table = report switch
                {
                    "ads-campaigns" => ads.Value.Campaigns,
                    "ads-keywords" => ads.Value.Keywords,
                    "ads-search-terms" => ads.Value.SearchTerms,
                    "ads-locations" => ads.Value.Locations,
                    "ads-devices" => ads.Value.Devices,
                    _ => ads.Value.Hours,
                };
                rows.Add([report[4..^1].Replace('-', '_'), "cost", "clicks", "impressions", "ctr", "conversions", "cost_per_conversion", "bookings", "cost_per_booking"]);
                rows.AddRange(table.Select(x => (IReadOnlyList<string>)[x.Name, Money(x.CostCents), Num(x.Clicks), Num(x.Impressions), Num(x.Ctr), Num(x.Conversions),
                    Money(x.CpaCents), x.Bookings is { } b ? Num(b) : "", Money(x.CostPerBookingCents)]));
            }
        }
        else
        {
            var analytics = await AnalyticsAsync(query, cancellationToken);
            if (!analytics.Succeeded)
            {
                return analytics.Failure!;
            }

            range = analytics.Value!.Range;
            if (report == "analytics-funnel")
            {
                rows.Add(["step", "count", "from_previous", "source"]);
                rows.AddRange(analytics.Value.Funnel.Select(s => (IReadOnlyList<string>)[s.Name, Num(s.Count), s.FromPrevious is { } p ? Num(p) : "", s.Ours ? "our bookings" : "Google Analytics"]));
            }
            else
            {
                rows.Add([report == "analytics-channels" ? "channel" : "page", "sessions", "users_summed_by_day", "key_events"]);
                rows.AddRange((report == "analytics-channels" ? analytics.Value.Channels : analytics.Value.Pages)
                    .Select(x => (IReadOnlyList<string>)[x.Key, Num(x.Sessions), Num(x.Users), Num(x.KeyEvents)]));
            }
        }

        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return ($"myhibachi-{report}-{Iso(range.From)}-to-{Iso(range.To)}.csv", csv.ToString());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Money(long? cents) => cents is { } c ? (c / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>One CSV field: quoted when it holds a comma, quote or line break; a leading =, +, -, @, tab or carriage return is neutralised so spreadsheets do not run it.</summary>
    public static string Field(string value)
    {
        var text = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
