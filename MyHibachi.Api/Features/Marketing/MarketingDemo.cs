using MyHibachi.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Marketing;

/// <summary>
/// A clearly labelled demo data set for Development, so every chart can be seen without Google: 90 days of made-up
/// Search Console, Ads and GA4 rows in the same tables a sync fills (the sources are flagged as demo and the pages
/// say so). It never touches a source that holds real synced data; a real sync or "remove" clears it.
/// </summary>
public sealed class MarketingDemo(HibachiDbContext db, MarketingAdvisor advisor, TimeProvider clock)
{
    public const int Days = 90;

    private static readonly (string Id, string Name, long DailyBudget, double Cpc, double Ctr, double ConversionRate, double Volume)[] Campaigns =
    [
        ("1001", "Hibachi catering – Search", 60_000_000, 1.85, 0.071, 0.085, 1.0),
        ("1002", "Birthday parties – Search", 30_000_000, 1.40, 0.064, 0.070, 0.6),
        ("1003", "Brand – MyHibachi", 10_000_000, 0.45, 0.190, 0.160, 0.35),
        ("1004", "Performance Max – Backyard parties", 40_000_000, 0.95, 0.022, 0.012, 0.9),
        ("1005", "Birthday parties – Search [trial]", 0, 1.30, 0.070, 0.090, 0.6),
    ];

    private static readonly (string Device, double Share, double ConversionFactor)[] Devices = [("MOBILE", 0.64, 0.8), ("DESKTOP", 0.30, 1.5), ("TABLET", 0.06, 0.9)];

    private static readonly (string City, double Share)[] Cities = [("Atlanta, Georgia", 0.42), ("Marietta, Georgia", 0.16), ("Alpharetta, Georgia", 0.15), ("Decatur, Georgia", 0.12), ("Roswell, Georgia", 0.15)];

    private static readonly (string Keyword, double Share, double ConversionFactor)[] Keywords =
    [
        ("[hibachi catering]", 0.30, 1.3), ("\"hibachi at home\"", 0.25, 1.1), ("mobile hibachi chef", 0.20, 1.0), ("\"hibachi party\"", 0.15, 0.9), ("private chef", 0.10, 0.2),
    ];

    private static readonly (string Term, double Share, double ConversionFactor)[] Terms =
    [
        ("hibachi catering atlanta", 0.22, 1.4), ("hibachi at home near me", 0.18, 1.2), ("mobile hibachi", 0.14, 1.0), ("hibachi chef for party", 0.12, 1.1),
        ("hibachi birthday party", 0.10, 0.9), ("hibachi grill for sale", 0.09, 0), ("benihana reservations", 0.08, 0), ("how to cook hibachi", 0.07, 0),
    ];

    private static readonly (string Query, string Page, double Impressions, double Position)[] Queries =
    [
        ("hibachi catering atlanta", "/", 95, 3.2), ("hibachi at home", "/", 140, 6.8), ("mobile hibachi", "/", 80, 4.1), ("hibachi party near me", "/Book", 70, 7.9),
        ("hibachi catering prices", "/Menu", 45, 5.5), ("backyard hibachi chef", "/", 30, 9.4), ("hibachi birthday party", "/Quote", 38, 12.6),
        ("myhibachi", "/", 25, 1.1), ("myhibachi reviews", "/Reviews", 12, 1.6), ("hibachi chef for hire", "/", 55, 14.2), ("private hibachi dinner", "/Menu", 26, 8.7),
    ];

    private static readonly (string Channel, double Share, double KeyEventRate)[] Channels =
    [
        ("Organic Search", 0.38, 0.045), ("Paid Search", 0.27, 0.055), ("Direct", 0.16, 0.06), ("Organic Social", 0.11, 0.02), ("Referral", 0.05, 0.03), ("Email", 0.03, 0.08),
    ];

    private static readonly (string Page, double Share)[] Pages =
    [
        ("/", 0.92), ("/Menu", 0.34), ("/Quote", 0.22), ("/Book", 0.12), ("/Reviews", 0.14), ("/About", 0.05), ("/Contact", 0.04),
    ];

    public async Task<IReadOnlyList<MarketingSourceDto>> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var to = (await MarketingCalendar.TodayAsync(db, clock, cancellationToken)).AddDays(-1);
        var from = to.AddDays(1 - Days);
        var settings = await db.MarketingSources.ToDictionaryAsync(s => s.Source, cancellationToken);
        var random = new Random(20261201);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var source in MarketingSources.All)
        {
            if (settings.TryGetValue(source, out var existing) && existing is { Demo: false, DataTo: not null })
            {
                continue; // real numbers are never replaced by made-up ones
            }

            await db.MarketingFacts.Where(f => f.Source == source).ExecuteDeleteAsync(cancellationToken);
            var rows = source switch
            {
                MarketingSources.Ads => AdsRows(from, to, random),
                MarketingSources.SearchConsole => SearchRows(from, to, random),
                _ => AnalyticsRows(from, to, random),
            };
            db.MarketingFacts.AddRange(rows);
            if (existing is null)
            {
                existing = new MarketingSourceSetting { Source = source, CreatedAt = now };
                db.MarketingSources.Add(existing);
            }

            existing.Demo = true;
            existing.DataFrom = from;
            existing.DataTo = to;
            existing.Status = CalendarSyncStatus.Ok;
            existing.LastSyncedAt = now;
            existing.LastError = null;
            existing.UpdatedAt = now;
            if (source == MarketingSources.Ads)
            {
                await db.AdsCampaigns.ExecuteDeleteAsync(cancellationToken);
                await db.AdsExperiments.ExecuteDeleteAsync(cancellationToken);
                db.AdsCampaigns.AddRange(Campaigns.Select(c => new AdsCampaign { Id = c.Id, Name = c.Name, Status = "ENABLED", DailyBudgetMicros = c.DailyBudget, UpdatedAt = now }));
                db.AdsExperiments.Add(new AdsExperiment
                {
                    Id = "77001", Name = "Birthday parties: new ad copy", Type = "SEARCH_CUSTOM", Status = "ENABLED", StartDate = to.AddDays(-41), EndDate = to.AddDays(19), UpdatedAt = now,
                    Arms = [new AdsExperimentArm("Control (current ads)", true, 50, ["1002"]), new AdsExperimentArm("Trial (party-size headlines)", false, 50, ["1005"])],
                });
            }
            else if (source == MarketingSources.SearchConsole)
            {
                await db.SearchPageInspections.ExecuteDeleteAsync(cancellationToken);
                db.SearchPageInspections.AddRange(
                    Inspection("https://www.myhibachi.example/", "PASS", "Submitted and indexed", "SUCCESSFUL", now),
                    Inspection("https://www.myhibachi.example/Menu", "PASS", "Submitted and indexed", "SUCCESSFUL", now),
                    Inspection("https://www.myhibachi.example/Quote", "PASS", "Indexed, not submitted in sitemap", "SUCCESSFUL", now),
                    Inspection("https://www.myhibachi.example/Book", "NEUTRAL", "Crawled - currently not indexed", "SUCCESSFUL", now),
                    Inspection("https://www.myhibachi.example/Reviews", "FAIL", "Server error (5xx)", "SERVER_ERROR", now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await advisor.RefreshAsync(cancellationToken);
        return await MarketingData.SourcesAsync(db, cancellationToken);
    }

    public async Task<IReadOnlyList<MarketingSourceDto>> RemoveAsync(CancellationToken cancellationToken)
    {
        var demo = await db.MarketingSources.Where(s => s.Demo).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var setting in demo)
        {
            await db.MarketingFacts.Where(f => f.Source == setting.Source).ExecuteDeleteAsync(cancellationToken);
            if (setting.Source == MarketingSources.Ads)
            {
                await db.AdsCampaigns.ExecuteDeleteAsync(cancellationToken);
                await db.AdsExperiments.ExecuteDeleteAsync(cancellationToken);
                await db.CpaAlerts.ExecuteDeleteAsync(cancellationToken);
            }
            else if (setting.Source == MarketingSources.SearchConsole)
            {
                await db.SearchPageInspections.ExecuteDeleteAsync(cancellationToken);
            }

            setting.Demo = false;
            setting.DataFrom = setting.DataTo = null;
            setting.LastSyncedAt = null;
            setting.Status = CalendarSyncStatus.Never;
            setting.UpdatedAt = clock.Now();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await advisor.RefreshAsync(cancellationToken);
        return await MarketingData.SourcesAsync(db, cancellationToken);
    }

    private static SearchPageInspection Inspection(string url, string verdict, string coverage, string fetch, DateTimeOffset now) => new()
    {
        Url = url, Verdict = verdict, CoverageState = coverage, PageFetchState = fetch, RobotsTxtState = "ALLOWED", IndexingState = "INDEXING_ALLOWED",
        LastCrawlTime = now.AddDays(-3), CheckedAt = now,
    };

    /// <summary>More on weekends and a slow rise over the quarter, with noise.</summary>
    private static double Seasonal(DateOnly day, DateOnly from, Random random) =>
        (day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.25 : 0.9) * (0.85 + 0.3 * (day.DayNumber - from.DayNumber) / Days) * (0.8 + 0.4 * random.NextDouble());

    private static MarketingFactRow Ads(string report, DateOnly day, string campaign, string? key2, double clicks, double cpc, double conversions, double ctr) => new()
    {
        Source = MarketingSources.Ads, Report = report, Date = day, Key1 = campaign, Key2 = key2, Clicks = (long)Math.Round(clicks),
        Impressions = (long)Math.Round(clicks / ctr), CostMicros = (long)Math.Round(Math.Round(clicks) * cpc * 1_000_000), Conversions = Math.Round(conversions, 2),
    };

    private static List<MarketingFactRow> AdsRows(DateOnly from, DateOnly to, Random random)
    {
        var rows = new List<MarketingFactRow>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var c in Campaigns)
            {
                var inExperiment = c.Id is "1002" or "1005";
                if (c.Id == "1005" && day < to.AddDays(-41))
                {
                    continue;
                }

                var clicks = Math.Round(30 * c.Volume * Seasonal(day, from, random) * (inExperiment && day >= to.AddDays(-41) ? 0.5 : 1));
                if (clicks <= 0)
                {
                    continue;
                }

                var conversions = clicks * c.ConversionRate * (0.6 + 0.8 * random.NextDouble());
                rows.Add(Ads("ads.campaign", day, c.Id, c.Name, clicks, c.Cpc, conversions, c.Ctr));
                rows.AddRange(Devices.Select(d => Ads("ads.device", day, c.Id, d.Device, clicks * d.Share, c.Cpc, conversions * d.Share * d.ConversionFactor, c.Ctr)));
                rows.AddRange(Cities.Select(l => Ads("ads.location", day, c.Id, l.City, clicks * l.Share, c.Cpc, conversions * l.Share, c.Ctr)));
                if (c.Id != "1004")
                {
                    rows.AddRange(Keywords.Select(k => Ads("ads.keyword", day, c.Id, k.Keyword, clicks * k.Share, c.Cpc, conversions * k.Share * k.ConversionFactor, c.Ctr)));
                }

                rows.AddRange(Terms.Select(t => Ads("ads.search_term", day, c.Id, t.Term, clicks * t.Share, c.Cpc, conversions * t.Share * t.ConversionFactor, c.Ctr)));
                for (var hour = 7; hour <= 23; hour++)
                {
                    var share = hour is >= 11 and <= 14 ? 0.09 : hour is >= 18 and <= 21 ? 0.1 : 0.035;
                    var converts = hour is >= 7 and <= 8 or >= 22 ? 0 : 1;
                    rows.Add(Ads("ads.hour", day, c.Id, hour.ToString(System.Globalization.CultureInfo.InvariantCulture), clicks * share, c.Cpc, conversions * share * converts * 1.1, c.Ctr));
                }
            }
        }

        return rows.Where(r => r.Clicks > 0 || r.Conversions > 0).ToList();
    }

    private static List<MarketingFactRow> SearchRows(DateOnly from, DateOnly to, Random random)
    {
        var rows = new List<MarketingFactRow>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            long clicks = 0;
            long impressions = 0;
            double weighted = 0;
            foreach (var q in Queries)
            {
                var shown = Math.Round(q.Impressions * Seasonal(day, from, random));
                var ctr = q.Query == "hibachi at home" ? 0.012 : Math.Max(0.01, 0.32 / Math.Pow(q.Position, 1.1));
                var clicked = Math.Round(shown * ctr * (0.7 + 0.6 * random.NextDouble()));
                var position = Math.Round(q.Position * (0.9 + 0.2 * random.NextDouble()), 1);
                rows.Add(new MarketingFactRow
                {
                    Source = MarketingSources.SearchConsole, Report = "sc.query", Date = day, Key1 = q.Query, Key2 = "https://www.myhibachi.example" + q.Page,
                    Clicks = (long)clicked, Impressions = (long)shown, Position = position,
                });
                clicks += (long)clicked;
                impressions += (long)shown;
                weighted += position * shown;
            }

            // The property's totals include searches too rare to be listed (Google hides them), so they are above the rows' sum.
            var hiddenImpressions = (long)(impressions * 0.35);
            rows.Add(new MarketingFactRow
            {
                Source = MarketingSources.SearchConsole, Report = "sc.day", Date = day, Key1 = "", Clicks = clicks + (long)(clicks * 0.2), Impressions = impressions + hiddenImpressions,
                Position = Math.Round((weighted + hiddenImpressions * 18) / (impressions + hiddenImpressions), 1),
            });
        }

        return rows;
    }

    private static List<MarketingFactRow> AnalyticsRows(DateOnly from, DateOnly to, Random random)
    {
        var rows = new List<MarketingFactRow>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var sessions = 180 * Seasonal(day, from, random);
            rows.AddRange(Channels.Select(c => new MarketingFactRow
            {
                Source = MarketingSources.Analytics, Report = "ga.channel", Date = day, Key1 = c.Channel, Sessions = (long)Math.Round(sessions * c.Share),
                Users = (long)Math.Round(sessions * c.Share * 0.82), KeyEvents = Math.Round(sessions * c.Share * c.KeyEventRate, 0),
            }));
            rows.AddRange(Pages.Select(p => new MarketingFactRow
            {
                Source = MarketingSources.Analytics, Report = "ga.page", Date = day, Key1 = p.Page, Sessions = (long)Math.Round(sessions * p.Share),
                Users = (long)Math.Round(sessions * p.Share * 0.85), KeyEvents = p.Page == "/Book" ? Math.Round(sessions * 0.012) : 0,
            }));
        }

        return rows;
    }
}
