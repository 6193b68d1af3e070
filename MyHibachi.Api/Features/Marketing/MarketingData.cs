using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Google;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Marketing;

/// <summary>
/// The marketing sources: staff link each to a Google connection and a property; the Workers read Google into
/// <c>marketing_facts</c> through <see cref="IngestAsync"/> (each sync replaces the days it read), which also fires
/// the staff's CPA alerts on the day a breach began and refreshes the recommendations.
/// </summary>
public sealed partial class MarketingData(
    HibachiDbContext db, MarketingAdviceRefresher refresher, CurrentActor actor, TimeProvider clock, ILogger<MarketingData> logger)
{
    /// <summary>How far back a first sync reads; later syncs read again the last <see cref="RereadDays"/> days (Google revises recent numbers).</summary>
    public const int FirstSyncDays = 90;

    public const int RereadDays = 3;

    /// <summary>Google Ads credits a conversion to the day of the click for up to 30 days (the default conversion window): Ads days are read again that far back.</summary>
    public const int AdsRereadDays = 30;

    /// <summary>The most days one read may cover.</summary>
    public const int MaxReadDays = 400;

    /// <summary>How many stored days a new or changed CPA threshold is checked against.</summary>
    public const int RecheckDays = 30;

    public static readonly IReadOnlyDictionary<string, string> Reports = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sc.day"] = MarketingSources.SearchConsole,
        ["sc.query"] = MarketingSources.SearchConsole,
        ["ads.campaign"] = MarketingSources.Ads,
        ["ads.device"] = MarketingSources.Ads,
        ["ads.hour"] = MarketingSources.Ads,
        ["ads.location"] = MarketingSources.Ads,
        ["ads.keyword"] = MarketingSources.Ads,
        ["ads.search_term"] = MarketingSources.Ads,
        ["ga.channel"] = MarketingSources.Analytics,
        ["ga.page"] = MarketingSources.Analytics,
    };

    private static readonly IReadOnlyDictionary<string, (string Title, string[] Scopes, string[] Steps)> Catalog = new Dictionary<string, (string, string[], string[])>
    {
        [MarketingSources.SearchConsole] = ("Search Console", [GoogleConnections.ScopePrefix + "webmasters.readonly", GoogleConnections.ScopePrefix + "webmasters"],
        [
            "In the Google Cloud console, enable the Google Search Console API for your project.",
            "On Admin → Google, add a connection with the webmasters.readonly scope (for a service account, add its e-mail as a user of the property in Search Console).",
            "Here, pick that connection and enter the property: sc-domain:yourdomain.com for a domain property, or the URL-prefix property such as https://www.yourdomain.com/.",
            "Sync: the Workers read performance and inspect the site's pages, then keep them up to date every few hours.",
        ]),
        [MarketingSources.Ads] = ("Google Ads", [GoogleConnections.ScopePrefix + "adwords"],
        [
            "In the Google Cloud console, enable the Google Ads API; the project needs Basic access for a production account.",
            "On Admin → Google, add a connection with the adwords scope for a user who can see the Ads account.",
            "Here, pick that connection and enter the 10-digit customer id (dashes are fine); add the manager account id if you reach it through one.",
            "Optionally set the month's budget (otherwise the campaigns' daily budgets × the days of the month), then sync.",
        ]),
        [MarketingSources.Analytics] = ("Google Analytics 4", [GoogleConnections.ScopePrefix + "analytics.readonly", GoogleConnections.ScopePrefix + "analytics"],
        [
            "In the Google Cloud console, enable the Google Analytics Data API.",
            "On Admin → Google, add a connection with the analytics.readonly scope (for a service account, add its e-mail as a Viewer in the GA4 property's access management).",
            "Here, pick that connection and enter the numeric GA4 property id (Admin → Property details in Google Analytics).",
            "Make sure the site sends page views: set Analytics:GtmContainerId to a Tag Manager container holding your GA4 tag.",
            "Sync: traffic, key events and the pages of the booking journey are read; the journey is joined with our own bookings.",
        ]),
    };

    public static string Title(string source) => Catalog.TryGetValue(source, out var c) ? c.Title : source;

    public static async Task<IReadOnlyList<MarketingSourceDto>> SourcesAsync(HibachiDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.MarketingSources.AsNoTracking().ToDictionaryAsync(s => s.Source, cancellationToken);
        var connections = await db.GoogleConnections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return MarketingSources.All.Select(source => ToDto(source, settings.GetValueOrDefault(source), connections)).ToList();
    }

    public static async Task<MarketingSourceDto> SourceAsync(HibachiDbContext db, string source, CancellationToken cancellationToken) =>
        (await SourcesAsync(db, cancellationToken)).First(s => s.Source == source);

    private static MarketingSourceDto ToDto(string source, MarketingSourceSetting? s, IReadOnlyDictionary<Guid, string> connections)
    {
        var connected = s is { ConnectionId: not null, Property: not null };
        var status = s is null ? "never" : s.Status.ToString().ToLowerInvariant();
        return new MarketingSourceDto(source, Title(source), connected, s?.ConnectionId, s?.ConnectionId is { } id ? connections.GetValueOrDefault(id) : null,
            s?.Property, s?.LoginCustomerId, s?.MonthlyBudgetCents, status, s?.LastSyncedAt, s?.LastError, s?.DataFrom, s?.DataTo, s?.Demo == true,
            connected ? [] : Catalog[source].Steps);
    }

    public async Task<Result<MarketingSourceDto>> SaveAsync(string source, MarketingSourceRequest request, CancellationToken cancellationToken)
    {
        if (!Catalog.TryGetValue(source, out var info))
        {
            return Failure.NotFound("Marketing source");
        }

        var errors = new ValidationErrors();
        var connection = request.ConnectionId is { } connectionId ? await db.GoogleConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken) : null;
        if (connection is null)
        {
            errors.Add("connectionId", "Pick a Google connection (add one on Admin → Google first).");
        }
        else if (!connection.Scopes.Any(info.Scopes.Contains))
        {
            errors.Add("connectionId", $"The connection \"{connection.Name}\" was not given the {info.Scopes[0][GoogleConnections.ScopePrefix.Length..]} scope: add it to the connection (and consent again).");
        }

        var property = NormalizeProperty(source, request.Property, errors);
        string? login = null;
        long? budget = null;
        if (source == MarketingSources.Ads)
        {
            if (!string.IsNullOrWhiteSpace(request.LoginCustomerId))
            {
                login = request.LoginCustomerId.Replace("-", "", StringComparison.Ordinal).Trim();
                if (!TenDigits().IsMatch(login))
                {
                    errors.Add("loginCustomerId", "The manager account's 10-digit customer id (dashes are fine), or empty.");
                }
            }

            if (request.MonthlyBudgetCents is { } cents)
            {
                if (cents is <= 0 or > 100_000_000_00)
                {
                    errors.Add("monthlyBudgetCents", "The month's budget in cents, more than 0 (or empty to use the campaigns' daily budgets).");
                }

                budget = cents;
            }
        }
        else if (request.LoginCustomerId is { Length: > 0 } || request.MonthlyBudgetCents is not null)
        {
            errors.Add(request.LoginCustomerId is { Length: > 0 } ? "loginCustomerId" : "monthlyBudgetCents", "Only Google Ads has a manager account and a budget.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        var setting = await db.MarketingSources.FirstOrDefaultAsync(s => s.Source == source, cancellationToken);
        if (setting is null)
        {
            setting = new MarketingSourceSetting { Source = source, CreatedAt = now };
            db.MarketingSources.Add(setting);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (setting.Property != property && (setting.Property is not null || setting.Demo))
        {
            // Another property's (or the demo set's) numbers must not mix with the new one's.
            await ForgetAsync(source, cancellationToken);
            setting.DataFrom = setting.DataTo = null;
            setting.Demo = false;
        }

        setting.ConnectionId = connection!.Id;
        setting.Property = property;
        setting.LoginCustomerId = login;
        setting.MonthlyBudgetCents = budget;
        setting.Status = CalendarSyncStatus.Queued;
        setting.LastError = null;
        setting.UpdatedAt = now;
        db.Publish(new GoogleSyncRequested(source, null), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SourceAsync(db, source, cancellationToken);
    }

    private static string? NormalizeProperty(string source, string? value, ValidationErrors errors)
    {
        var text = value?.Trim();
        switch (source)
        {
            case MarketingSources.SearchConsole:
                if (text is not null && text.StartsWith("sc-domain:", StringComparison.OrdinalIgnoreCase) && DomainName().IsMatch(text[10..]))
                {
                    return "sc-domain:" + text[10..].ToLowerInvariant();
                }

                if (text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && text.Length <= 300)
                {
                    return text.EndsWith('/') ? text : text + "/";
                }

                errors.Add("property", "The Search Console property: sc-domain:yourdomain.com, or a URL-prefix property such as https://www.yourdomain.com/.");
                return null;
            case MarketingSources.Ads:
                var digits = text?.Replace("-", "", StringComparison.Ordinal);
                if (digits is not null && TenDigits().IsMatch(digits))
                {
                    return digits;
                }

                errors.Add("property", "The Google Ads customer id: 10 digits, such as 123-456-7890.");
                return null;
            default:
                var id = text?.StartsWith("properties/", StringComparison.Ordinal) == true ? text[11..] : text;
                if (id is not null && PropertyId().IsMatch(id))
                {
                    return id;
                }

                errors.Add("property", "The numeric GA4 property id, such as 412345678 (not the G- measurement id).");
                return null;
        }
    }

    public async Task<Result> RequestSyncAsync(string source, CancellationToken cancellationToken)
    {
        var setting = await db.MarketingSources.FirstOrDefaultAsync(s => s.Source == source, cancellationToken);
        if (!Catalog.ContainsKey(source))
        {
            return Failure.NotFound("Marketing source");
        }

        if (setting is not { ConnectionId: not null, Property: not null })
        {
            return Failure.Conflict(ProblemCodes.GoogleNotLinked, $"{Title(source)} is not connected.", "Pick a Google connection and enter the property first.");
        }

        setting.Status = CalendarSyncStatus.Queued;
        setting.UpdatedAt = clock.Now();
        db.Publish(new GoogleSyncRequested(source, null), clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The sources the Workers should read (one, or every connected one), each marked running, with the days to read.</summary>
    public async Task<IReadOnlyList<MarketingTargetDto>> TargetsAsync(string? source, CancellationToken cancellationToken)
    {
        var settings = await db.MarketingSources.Where(s => s.ConnectionId != null && s.Property != null && (source == null || s.Source == source))
            .ToListAsync(cancellationToken);
        var today = await MarketingCalendar.TodayAsync(db, clock, cancellationToken);
        var to = today.AddDays(-1);
        var urls = settings.Any(s => s.Source == MarketingSources.SearchConsole) ? await InspectUrlsAsync(cancellationToken) : [];
        var targets = new List<MarketingTargetDto>();
        foreach (var setting in settings)
        {
            var reread = setting.Source == MarketingSources.Ads ? AdsRereadDays : RereadDays;
            var from = setting.DataTo is { } last && !setting.Demo ? last.AddDays(-reread + 1) : to.AddDays(1 - FirstSyncDays);
            from = from > to ? to : from;
            // A source idle for over a year starts again from the last 400 days (the longest range one read may cover).
            from = from < to.AddDays(-(MaxReadDays - 1)) ? to.AddDays(-(MaxReadDays - 1)) : from;
            setting.Status = CalendarSyncStatus.Running;
            targets.Add(new MarketingTargetDto(setting.Source, setting.ConnectionId!.Value, setting.Property!, setting.LoginCustomerId, from, to,
                setting.Source == MarketingSources.SearchConsole ? urls.Select(path => Absolute(setting.Property!, path)).ToList() : []));
        }

        await db.SaveChangesAsync(cancellationToken);
        return targets;
    }

    /// <summary>The site's public pages worth checking in the index: the fixed pages, then the pages with the most search clicks.</summary>
    private async Task<IReadOnlyList<string>> InspectUrlsAsync(CancellationToken cancellationToken)
    {
        string[] fixedPages = ["/", "/Menu", "/Quote", "/Book", "/Reviews", "/About", "/Contact"];
        var since = (await MarketingCalendar.TodayAsync(db, clock, cancellationToken)).AddDays(-28);
        var top = await db.MarketingFacts.Where(f => f.Report == "sc.query" && f.Date >= since && f.Key2 != null)
            .GroupBy(f => f.Key2!).Select(g => new { Page = g.Key, Clicks = g.Sum(f => f.Clicks) }).OrderByDescending(g => g.Clicks).Take(13)
            .Select(g => g.Page).ToListAsync(cancellationToken);
        return fixedPages.Concat(top).Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();
    }

    private static string Absolute(string property, string page)
    {
        // Not Uri.TryCreate: on Linux "/Menu" reads as an absolute file: URI.
        if (page.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || page.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return page;
        }

        var root = property.StartsWith("sc-domain:", StringComparison.Ordinal) ? "https://" + property[10..] + "/" : property;
        return root.TrimEnd('/') + page;
    }

    public async Task<Result<MarketingIngestResult>> IngestAsync(string source, MarketingDataReport report, CancellationToken cancellationToken)
    {
        var setting = await db.MarketingSources.FirstOrDefaultAsync(s => s.Source == source, cancellationToken);
        if (setting is null || !Catalog.ContainsKey(source))
        {
            return Failure.NotFound("Marketing source");
        }

        var now = clock.Now();
        if (report.Property is { } read && read != setting.Property)
        {
            // Staff connected another property while this one was read: its numbers must not land under the new one.
            logger.LogInformation("A {Source} report for {Read} was dropped: the source now reads {Property}.", source, read, setting.Property);
            return new MarketingIngestResult(0, []);
        }

        if (report.Error is { } error)
        {
            setting.Status = CalendarSyncStatus.Failed;
            setting.LastError = TextLimits.Clip(error, 500);
            setting.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new MarketingIngestResult(0, []);
        }

        var errors = new ValidationErrors();
        if (report.From > report.To || report.To.DayNumber - report.From.DayNumber >= MaxReadDays)
        {
            errors.Add("to", $"The range runs from 'from' to 'to' (at most {MaxReadDays} days).");
        }

        var facts = report.Facts ?? [];
        if (facts.FirstOrDefault(f => !Reports.TryGetValue(f.Report, out var owner) || owner != source) is { } wrong)
        {
            errors.Add("facts", $"{wrong.Report} is not a {Title(source)} report.");
        }

        if (facts.Any(f => f.Date < report.From || f.Date > report.To))
        {
            errors.Add("facts", "Every row's date must fall in the range read.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (setting.Demo)
        {
            await ForgetAsync(source, cancellationToken);
            setting.DataFrom = setting.DataTo = null;
            setting.Demo = false;
        }
        else
        {
            await db.MarketingFacts.Where(f => f.Source == source && f.Date >= report.From && f.Date <= report.To).ExecuteDeleteAsync(cancellationToken);
        }

        db.MarketingFacts.AddRange(facts.Select(f => new MarketingFactRow
        {
            Source = source, Report = f.Report, Date = f.Date, Key1 = TextLimits.Clip(f.Key1, 500) ?? "", Key2 = TextLimits.Clip(f.Key2, 1000),
            Clicks = f.Clicks, Impressions = f.Impressions, CostMicros = f.CostMicros, Conversions = f.Conversions, Position = f.Position,
            Sessions = f.Sessions, Users = f.Users, KeyEvents = f.KeyEvents,
        }));
        await StoreDetailsAsync(source, report, now, cancellationToken);
        setting.DataFrom = setting.DataFrom is { } first && first < report.From ? first : report.From;
        setting.DataTo = setting.DataTo is { } last && last > report.To ? last : report.To;
        if (!report.More)
        {
            setting.Status = CalendarSyncStatus.Ok;
            setting.LastSyncedAt = now;
            setting.LastError = null;
        }

        setting.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        var alerts = source == MarketingSources.Ads ? await FireAlertsAsync(report.From, report.To, cancellationToken) : [];
        if (alerts.Count > 0)
        {
            // Committed with the alerts: the e-mail goes out even if the Workers or the mail server stop now.
            db.Publish(new CpaAlertsFired(alerts), now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (!report.More)
        {
            refresher.Request();
        }

        return new MarketingIngestResult(facts.Count, alerts);
    }

    private async Task StoreDetailsAsync(string source, MarketingDataReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Campaigns and experiments are Google Ads' alone; pages are Search Console's.
        if (source == MarketingSources.Ads && report.Campaigns is { } campaigns)
        {
            var known = await db.AdsCampaigns.ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var c in campaigns)
            {
                if (!known.TryGetValue(c.Id, out var campaign))
                {
                    campaign = new AdsCampaign { Id = TextLimits.Clip(c.Id, 20)! };
                    db.AdsCampaigns.Add(campaign);
                    known[c.Id] = campaign;
                }

                campaign.Name = TextLimits.Clip(c.Name, 300) ?? c.Id;
                campaign.Status = TextLimits.Clip(c.Status, 20) ?? "";
                campaign.DailyBudgetMicros = c.DailyBudgetMicros;
                campaign.BudgetId = TextLimits.Clip(c.BudgetId, 40);
                campaign.UpdatedAt = now;
            }

            // The list holds every campaign not removed: one missing from it was removed in Google Ads, and its budget no longer counts.
            var listed = campaigns.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in known.Values.Where(c => !listed.Contains(c.Id) && c.Status != "REMOVED"))
            {
                gone.Status = "REMOVED";
                gone.UpdatedAt = now;
            }
        }

        if (source == MarketingSources.Ads && report.Experiments is { } experiments)
        {
            await db.AdsExperiments.ExecuteDeleteAsync(cancellationToken);
            db.AdsExperiments.AddRange(experiments.Select(e => new AdsExperiment
            {
                Id = TextLimits.Clip(e.Id, 20)!, Name = TextLimits.Clip(e.Name, 300) ?? e.Id, Type = TextLimits.Clip(e.Type, 60) ?? "", Status = TextLimits.Clip(e.Status, 20) ?? "",
                StartDate = e.StartDate, EndDate = e.EndDate, UpdatedAt = now,
                Arms = e.Arms.Select(a => new AdsExperimentArm(a.Name, a.Control, a.TrafficSplit, a.CampaignIds.ToList())).ToList(),
            }));
        }

        if (source == MarketingSources.SearchConsole && report.Pages is { } pages)
        {
            var known = await db.SearchPageInspections.ToDictionaryAsync(p => p.Url, cancellationToken);
            foreach (var p in pages.Where(p => p.Url.Length <= 2000))
            {
                if (!known.TryGetValue(p.Url, out var page))
                {
                    page = new SearchPageInspection { Url = p.Url };
                    db.SearchPageInspections.Add(page);
                    known[p.Url] = page;
                }

                page.Verdict = TextLimits.Clip(p.Verdict, 30) ?? "VERDICT_UNSPECIFIED";
                page.CoverageState = TextLimits.Clip(p.CoverageState, 200);
                page.PageFetchState = TextLimits.Clip(p.PageFetchState, 40);
                page.RobotsTxtState = TextLimits.Clip(p.RobotsTxtState, 40);
                page.IndexingState = TextLimits.Clip(p.IndexingState, 40);
                page.LastCrawlTime = p.LastCrawlTime;
                page.CheckedAt = now;
            }
        }
    }

    /// <summary>Everything stored for a source (its numbers and details).</summary>
    private async Task ForgetAsync(string source, CancellationToken cancellationToken)
    {
        await db.MarketingFacts.Where(f => f.Source == source).ExecuteDeleteAsync(cancellationToken);
        if (source == MarketingSources.Ads)
        {
            await db.AdsCampaigns.ExecuteDeleteAsync(cancellationToken);
            await db.AdsExperiments.ExecuteDeleteAsync(cancellationToken);
            await db.CpaAlerts.ExecuteDeleteAsync(cancellationToken);
        }
        else if (source == MarketingSources.SearchConsole)
        {
            await db.SearchPageInspections.ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Checks every enabled rule over the days just read; an alert is stored (once) for each breach that began on one of them.</summary>
    public async Task<IReadOnlyList<CpaAlertDto>> FireAlertsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken, DateOnly? keepFrom = null,
        Guid? onlyRule = null)
    {
        var rules = await db.CpaAlertRules.Where(r => r.Enabled && (onlyRule == null || r.Id == onlyRule)).ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return [];
        }

        var start = from.AddDays(-rules.Max(r => r.LookbackDays) - 1);
        var rows = await db.MarketingFacts.Where(f => f.Report == "ads.campaign" && f.Date >= start && f.Date <= to)
            .Select(f => new { f.Key1, f.Date, f.CostMicros, f.Conversions }).ToListAsync(cancellationToken);
        var byCampaign = rows.GroupBy(r => r.Key1).ToDictionary(g => g.Key, g => g.Select(r => new DailySpend(r.Date, r.CostMicros, r.Conversions)).ToList());
        // Days read again move a breach's first day when Google credits late conversions: a start within the rule's window of an
        // alert already given for that rule and campaign is the same breach, not a new one to e-mail.
        var span = rules.Max(r => r.LookbackDays);
        var existing = (await db.CpaAlerts.Where(a => a.Day >= from.AddDays(-span) && a.Day <= to.AddDays(span)).Select(a => new { a.RuleId, a.CampaignId, a.Day })
                .ToListAsync(cancellationToken))
            .Select(a => (a.RuleId, a.CampaignId, a.Day)).ToList();
        var now = clock.Now();
        var fired = new List<CpaAlert>();
        foreach (var rule in rules)
        {
            foreach (var (campaign, days) in byCampaign.Where(c => rule.CampaignId is null || c.Key == rule.CampaignId))
            {
                foreach (var breach in MarketingMath.BreachStarts(days, from, to, rule.MaxCpaCents, rule.LookbackDays, rule.MinSpendCents))
                {
                    var known = existing.Any(a => a.RuleId == rule.Id && a.CampaignId == campaign && Math.Abs(a.Day.DayNumber - breach.Day.DayNumber) < rule.LookbackDays);
                    if ((keepFrom is null || breach.Day >= keepFrom || breach.StillBroken) && !known)
                    {
                        existing.Add((rule.Id, campaign, breach.Day));
                        fired.Add(new CpaAlert
                        {
                            RuleId = rule.Id, CampaignId = campaign, Day = breach.Day, SpentCents = breach.SpentCents, Conversions = breach.Conversions, CpaCents = breach.CpaCents,
                            MaxCpaCents = rule.MaxCpaCents, LookbackDays = rule.LookbackDays, FiredAt = now,
                        });
                    }
                }
            }
        }

        db.CpaAlerts.AddRange(fired);
        await db.SaveChangesAsync(cancellationToken);
        var names = await db.AdsCampaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return fired.Select(a => ToDto(a, names)).ToList();
    }

    public static CpaAlertDto ToDto(CpaAlert a, IReadOnlyDictionary<string, string> names) =>
        new(a.Id, a.RuleId, a.CampaignId, names.GetValueOrDefault(a.CampaignId) ?? a.CampaignId, a.Day, a.SpentCents, a.Conversions, a.CpaCents, a.MaxCpaCents,
            a.LookbackDays, a.FiredAt, a.AcknowledgedAt);

    // ---- CPA alert rules (staff) ----

    public static async Task<IReadOnlyList<CpaAlertRuleDto>> RulesAsync(HibachiDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.AdsCampaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return (await db.CpaAlertRules.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken))
            .Select(r => new CpaAlertRuleDto(r.Id, r.CampaignId, r.CampaignId is null ? null : names.GetValueOrDefault(r.CampaignId) ?? r.CampaignId, r.MaxCpaCents,
                r.LookbackDays, r.MinSpendCents, r.Enabled, r.CreatedAt)).ToList();
    }

    public async Task<Result<CpaAlertRuleDto>> SaveRuleAsync(Guid? id, CpaAlertRuleRequest request, CancellationToken cancellationToken)
    {
        var rule = id is { } existing ? await db.CpaAlertRules.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken) : null;
        if (id is not null && rule is null)
        {
            return Failure.NotFound("CPA alert rule");
        }

        var errors = new ValidationErrors();
        var campaignId = Text.Clean(request.CampaignId);
        if (campaignId is not null && !await db.AdsCampaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            errors.Add("campaignId", "No synced campaign has this id; leave it empty to watch every campaign.");
        }

        var max = request.MaxCpaCents ?? rule?.MaxCpaCents;
        if (max is null or <= 0 or > 10_000_000)
        {
            errors.Add("maxCpaCents", "The highest acceptable cost per conversion, in cents (more than 0).");
        }

        var lookback = request.LookbackDays ?? rule?.LookbackDays ?? 7;
        errors.Range("lookbackDays", lookback, 1, 90, "The window in days");
        var minSpend = request.MinSpendCents ?? rule?.MinSpendCents ?? 0;
        if (minSpend is < 0 or > 100_000_000)
        {
            errors.Add("minSpendCents", "The spend in the window below which the rule stays quiet, in cents (0 or more).");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        if (rule is null)
        {
            rule = new CpaAlertRule { CreatedAt = now, CreatedBy = actor.UserId };
            db.CpaAlertRules.Add(rule);
        }

        rule.CampaignId = id is null || request.CampaignId is not null ? campaignId : rule.CampaignId;
        rule.MaxCpaCents = max!.Value;
        rule.LookbackDays = lookback;
        rule.MinSpendCents = minSpend;
        rule.Enabled = request.Enabled ?? rule.Enabled;
        rule.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        // A new or changed threshold is checked against every stored day at once: breaches that began in the last 30 days, and one
        // still going on (dated from its true first day), are shown. The Workers e-mail only what a sync sets off.
        if (rule.Enabled && await db.MarketingSources.Where(s => s.Source == MarketingSources.Ads).Select(s => new { s.DataFrom, s.DataTo }).FirstOrDefaultAsync(cancellationToken)
                is { DataFrom: { } first, DataTo: { } last })
        {
            await FireAlertsAsync(first, last, cancellationToken, keepFrom: last.AddDays(1 - RecheckDays), onlyRule: rule.Id);
        }

        return (await RulesAsync(db, cancellationToken)).First(r => r.Id == rule.Id);
    }

    public async Task<Result> DeleteRuleAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.CpaAlertRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Failure.NotFound("CPA alert rule") : Result.Success;
    }

    public async Task<Result<CpaAlertDto>> AcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var alert = await db.CpaAlerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return Failure.NotFound("CPA alert");
        }

        alert.AcknowledgedAt ??= clock.Now();
        alert.AcknowledgedBy ??= actor.UserId;
        await db.SaveChangesAsync(cancellationToken);
        var names = await db.AdsCampaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return ToDto(alert, names);
    }

    [GeneratedRegex(@"^\d{10}$")]
    private static partial Regex TenDigits();

    [GeneratedRegex(@"^\d{1,20}$")]
    private static partial Regex PropertyId();

    [GeneratedRegex(@"^(?=.{3,253}$)([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$")]
    private static partial Regex DomainName();
}

/// <summary>The business's calendar for marketing numbers: dates in the first station's time zone (Google reports in the account's zone).</summary>
public static class MarketingCalendar
{
    public static async Task<TimeZoneInfo> ZoneAsync(HibachiDbContext db, CancellationToken cancellationToken)
    {
        var zone = await db.Stations.AsNoTracking().OrderBy(s => s.CreatedAt).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zone ?? "America/New_York");
    }

    public static async Task<DateOnly> TodayAsync(HibachiDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(db, cancellationToken)).DateTime);
}
