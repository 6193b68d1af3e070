using MyHibachi.Api.Infrastructure;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant.Llm;

namespace MyHibachi.Api.Features.Marketing;

/// <summary>A recommendation before it is stored: what to do, why, and the numbers behind it.</summary>
public sealed record Advice(string Priority, string Area, string Title, string Detail, IReadOnlyDictionary<string, string> Numbers);

/// <summary>What the advisor reads: the last 28 synced days of every source, and our bookings.</summary>
public sealed record MarketingSnapshot(
    MarketingRange Range, AdsReportDto? Ads, SearchReportDto? Search, AnalyticsReportDto? Analytics);

/// <summary>
/// Turns the synced numbers into prioritised actions (high, medium, low), each with the numbers behind it. Explicit
/// rules always run; when an LLM is configured (the assistant's Assistant:Llm endpoint) it writes the list instead,
/// from the same numbers and the rules' findings, and its answer is used only when it parses and every number it
/// states is one of ours. The list is stored, so the dashboards read it from PostgreSQL.
/// </summary>
public sealed class MarketingAdvisor(HibachiDbContext db, MarketingReports reports, IOptions<LlmOptions> llm, IHttpClientFactory http, TimeProvider clock,
    ILogger<MarketingAdvisor> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<RecommendationDto>> RefreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        var rules = Rules(snapshot);
        var (advice, origin) = await PhraseAsync(snapshot, rules, cancellationToken);
        var now = clock.Now();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two refreshes at once (a sync and a person) take turns: each list replaces the other whole, never both kept.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"marketing-recommendations"}, 0))", cancellationToken);
        await db.MarketingRecommendations.ExecuteDeleteAsync(cancellationToken);
        db.MarketingRecommendations.AddRange(advice.Select((a, i) => new MarketingRecommendation
        {
            Priority = a.Priority, Area = a.Area, Title = TextLimits.Clip(a.Title, 300)!, Detail = TextLimits.Clip(a.Detail, 2000)!,
            Numbers = a.Numbers.ToDictionary(n => n.Key, n => n.Value), Origin = origin, Rank = i, CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reports.RecommendationsAsync(cancellationToken);
    }

    private async Task<MarketingSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var settings = await db.MarketingSources.AsNoTracking().ToDictionaryAsync(s => s.Source, cancellationToken);
        var to = settings.Values.Select(s => s.DataTo).Max() ?? (await MarketingCalendar.TodayAsync(db, clock, cancellationToken)).AddDays(-1);
        var query = new MarketingQuery(to.AddDays(1 - MarketingReports.DefaultDays), to);
        bool Has(string source) => settings.TryGetValue(source, out var s) && s.DataTo is not null;
        return new MarketingSnapshot(new MarketingRange(query.From!.Value, to),
            Has(MarketingSources.Ads) ? (await reports.AdsAsync(query, cancellationToken)).Value : null,
            Has(MarketingSources.SearchConsole) ? (await reports.SearchAsync(query, cancellationToken)).Value : null,
            Has(MarketingSources.Analytics) ? (await reports.AnalyticsAsync(query, cancellationToken)).Value : null);
    }

    private static string Dollars(long cents) => (cents / 100m).ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static int Order(string priority) => priority switch { "high" => 0, "medium" => 1, _ => 2 };

    /// <summary>The explicit rules, most urgent first. Every threshold is in the rule's text.</summary>
    public static IReadOnlyList<Advice> Rules(MarketingSnapshot s)
    {
        var advice = new List<Advice>();
        if (s.Ads is { } ads)
        {
            if (ads.Pacing is { Pace: "over" } over)
            {
                var cut = 1 - 1 / over.ProjectedShare;
                advice.Add(new Advice("high", "budget", "Ad spend is on course to pass this month's budget",
                    $"At {Dollars(over.DailyRunRateCents)} a day the month ends near {Dollars(over.ProjectedCents)} against a budget of {Dollars(over.BudgetCents)}. Lower the daily budgets by about {Percent(cut)} or pause the weakest campaign.",
                    new Dictionary<string, string>
                    {
                        ["Budget"] = Dollars(over.BudgetCents), ["Spent so far"] = Dollars(over.SpentCents), ["Projected"] = Dollars(over.ProjectedCents),
                        ["Daily run rate"] = Dollars(over.DailyRunRateCents),
                    }));
            }
            else if (ads.Pacing is { Pace: "under", DaysCounted: >= 7 } under)
            {
                advice.Add(new Advice("low", "budget", "This month's ad budget is being under-spent",
                    $"The month is heading for {Dollars(under.ProjectedCents)} of a {Dollars(under.BudgetCents)} budget. If the campaigns convert well, raise the daily budget of the best one.",
                    new Dictionary<string, string> { ["Budget"] = Dollars(under.BudgetCents), ["Projected"] = Dollars(under.ProjectedCents) }));
            }

            foreach (var campaign in ads.Campaigns.Where(c => c.CostCents >= 100_00 && c.Conversions <= 0).Take(3))
            {
                advice.Add(new Advice("high", "ads", $"Pause or rework \"{campaign.Name}\": it spent {Dollars(campaign.CostCents)} without a conversion",
                    $"{campaign.Clicks} clicks in {s.Range.Days} days and no conversion. Check its keywords and landing page, or pause it and move the budget to a campaign that books.",
                    new Dictionary<string, string> { ["Cost"] = Dollars(campaign.CostCents), ["Clicks"] = campaign.Clicks.ToString(CultureInfo.InvariantCulture), ["Conversions"] = "0" }));
            }

            if (ads.Totals.CpaCents is { } accountCpa)
            {
                foreach (var campaign in ads.Campaigns.Where(c => c.CpaCents > accountCpa * 1.5 && c.Conversions >= 2).Take(3))
                {
                    advice.Add(new Advice("medium", "ads", $"\"{campaign.Name}\" pays {Dollars(campaign.CpaCents!.Value)} per conversion, well above the account's {Dollars(accountCpa)}",
                        "Lower its bids or target CPA, or tighten its keywords, until it is within 50 % of the account's cost per conversion.",
                        new Dictionary<string, string> { ["Campaign CPA"] = Dollars(campaign.CpaCents.Value), ["Account CPA"] = Dollars(accountCpa), ["Cost"] = Dollars(campaign.CostCents) }));
                }

                foreach (var device in ads.Devices.Where(d => d.CostCents >= 50_00 && (d.CpaCents is null || d.CpaCents > accountCpa * 1.5)).Take(2))
                {
                    advice.Add(new Advice("low", "ads", $"{device.Name} traffic converts poorly",
                        $"{device.Name} cost {Dollars(device.CostCents)} for {device.Conversions.ToString("0.##", CultureInfo.InvariantCulture)} conversions. Try a negative bid adjustment for {device.Name.ToLowerInvariant()}.",
                        new Dictionary<string, string> { ["Cost"] = Dollars(device.CostCents), ["Conversions"] = device.Conversions.ToString("0.##", CultureInfo.InvariantCulture), ["Account CPA"] = Dollars(accountCpa) }));
                }
            }

            var wasted = ads.SearchTerms.Where(t => t.CostCents >= 25_00 && t.Conversions <= 0).Take(5).ToList();
            if (wasted.Count > 0)
            {
                advice.Add(new Advice("medium", "ads", $"Add {wasted.Count} search term{(wasted.Count == 1 ? "" : "s")} as negative keywords",
                    $"These searches cost {Dollars(wasted.Sum(t => t.CostCents))} and never converted: {string.Join(", ", wasted.Select(t => $"\"{t.Name}\" ({Dollars(t.CostCents)})"))}.",
                    wasted.ToDictionary(t => t.Name, t => Dollars(t.CostCents))));
            }

            var idleHours = ads.Hours.Where(h => h.CostCents > 0 && h.Conversions <= 0).ToList();
            var idleCost = idleHours.Sum(h => h.CostCents);
            if (ads.Totals.CostCents > 0 && idleCost >= ads.Totals.CostCents * 0.15 && idleHours.Count >= 3)
            {
                advice.Add(new Advice("low", "ads", "Add an ad schedule for the hours that never convert",
                    $"{idleHours.Count} hours of the day cost {Dollars(idleCost)} ({Percent((double)idleCost / ads.Totals.CostCents)} of spend) with no conversion: {string.Join(", ", idleHours.Take(6).Select(h => h.Name))}.",
                    new Dictionary<string, string> { ["Cost in those hours"] = Dollars(idleCost), ["Share of spend"] = Percent((double)idleCost / ads.Totals.CostCents) }));
            }

            foreach (var experiment in ads.Experiments.Where(e => e.Verdict?.StartsWith("The treatment converts", StringComparison.Ordinal) == true))
            {
                var control = experiment.Arms.First(a => a.Control);
                var treatment = experiment.Arms.First(a => !a.Control);
                advice.Add(new Advice("medium", "ads", $"Apply the winning arm of the experiment \"{experiment.Name}\"",
                    $"{treatment.Name} costs {Dollars(treatment.CpaCents!.Value)} per conversion against {Dollars(control.CpaCents!.Value)} for {control.Name}, with {treatment.Conversions.ToString("0.##", CultureInfo.InvariantCulture)} and {control.Conversions.ToString("0.##", CultureInfo.InvariantCulture)} conversions.",
                    new Dictionary<string, string> { ["Treatment CPA"] = Dollars(treatment.CpaCents.Value), ["Control CPA"] = Dollars(control.CpaCents.Value) }));
            }
        }

        if (s.Search is { } search)
        {
            var failing = search.Pages.Where(p => p.Verdict == "FAIL").ToList();
            if (failing.Count > 0)
            {
                advice.Add(new Advice("high", "search", $"{failing.Count} page{(failing.Count == 1 ? " is" : "s are")} not in Google's index",
                    $"Google could not index: {string.Join("; ", failing.Take(5).Select(p => $"{p.Url} ({p.CoverageState ?? p.PageFetchState ?? "error"})"))}. Fix the cause and ask for re-indexing in Search Console.",
                    failing.Take(5).ToDictionary(p => p.Url, p => p.CoverageState ?? p.PageFetchState ?? p.Verdict)));
            }

            var lowCtr = search.TopQueries.Where(q => q.Impressions >= 100 && q.Position <= 10 && q.Ctr < 0.02).Take(3).ToList();
            foreach (var q in lowCtr)
            {
                advice.Add(new Advice("medium", "search", $"Searchers see you for \"{q.Key}\" but rarely click",
                    $"Position {q.Position.ToString("0.#", CultureInfo.InvariantCulture)} with {q.Impressions} impressions and a {Percent(q.Ctr)} click rate. Rewrite the page title and description to answer that search.",
                    new Dictionary<string, string> { ["Impressions"] = q.Impressions.ToString(CultureInfo.InvariantCulture), ["CTR"] = Percent(q.Ctr), ["Position"] = q.Position.ToString("0.#", CultureInfo.InvariantCulture) }));
            }

            foreach (var q in search.TopQueries.Where(q => q.Impressions >= 200 && q.Position is > 10 and <= 20).Take(2))
            {
                advice.Add(new Advice("low", "search", $"\"{q.Key}\" is on page two of Google",
                    $"Average position {q.Position.ToString("0.#", CultureInfo.InvariantCulture)} with {q.Impressions} impressions: a page written for this search could reach page one.",
                    new Dictionary<string, string> { ["Impressions"] = q.Impressions.ToString(CultureInfo.InvariantCulture), ["Position"] = q.Position.ToString("0.#", CultureInfo.InvariantCulture) }));
            }
        }

        if (s.Analytics is { } analytics)
        {
            var form = analytics.Funnel.FirstOrDefault(f => f.Name.StartsWith("Opened the booking form", StringComparison.Ordinal));
            var booked = analytics.Funnel.FirstOrDefault(f => f.Name.StartsWith("Booked", StringComparison.Ordinal));
            if (form is { Count: >= 50 } && booked is not null && booked.Count < form.Count * 0.10)
            {
                var rate = (double)booked.Count / form.Count;
                advice.Add(new Advice("medium", "analytics", "Most visitors who open the booking form do not book",
                    $"{form.Count} sessions opened the booking form and {booked.Count} bookings were made ({Percent(rate)}). Watch a few sessions of the form on a phone and remove a step or a field.",
                    new Dictionary<string, string> { ["Booking form sessions"] = form.Count.ToString(CultureInfo.InvariantCulture), ["Bookings"] = booked.Count.ToString(CultureInfo.InvariantCulture), ["Rate"] = Percent(rate) }));
            }

            if (analytics.CostPerBookingCents is { } perBooking && s.Ads?.Totals.CpaCents is { } cpa && perBooking > cpa * 2)
            {
                advice.Add(new Advice("medium", "analytics", "Google Ads counts far more conversions than real bookings",
                    $"Ads reports {Dollars(cpa)} per conversion, but each confirmed booking from an ad cost {Dollars(perBooking)}. Check which conversion actions Ads counts, and bid on confirmed bookings.",
                    new Dictionary<string, string> { ["Ads CPA"] = Dollars(cpa), ["Cost per real booking"] = Dollars(perBooking) }));
            }
        }

        return advice.OrderBy(a => Order(a.Priority)).ToList();
    }

    private sealed record LlmAdvice(string? Priority, string? Area, string? Title, string? Detail, Dictionary<string, string>? Numbers);

    /// <summary>The LLM's list when one is configured and its answer holds up; the rules' list otherwise.</summary>
    private async Task<(IReadOnlyList<Advice> Advice, string Origin)> PhraseAsync(MarketingSnapshot snapshot, IReadOnlyList<Advice> rules, CancellationToken cancellationToken)
    {
        var settings = llm.Value;
        if (!settings.Enabled || (snapshot.Ads is null && snapshot.Search is null && snapshot.Analytics is null))
        {
            return (rules, "rules");
        }

        try
        {
            var facts = JsonSerializer.Serialize(new { snapshot, findings = rules }, Json);
            var kernel = Kernel.CreateBuilder()
                .AddOpenAIChatCompletion(settings.Model!, new Uri(settings.Endpoint!), settings.ApiKey ?? "not-needed", httpClient: http.CreateClient(ReplyPhraser.HttpClientName))
                .Build();
            var history = new ChatHistory(
                "You are the marketing analyst of MyHibachi, a mobile hibachi catering business. From the JSON data (Google Ads, Search Console, GA4 and our own bookings; " +
                "money in cents) and the rule findings, write at most 8 prioritised actions. Answer with only a JSON array of objects " +
                "{\"priority\":\"high|medium|low\",\"area\":\"ads|search|analytics|budget\",\"title\":\"…\",\"detail\":\"…\",\"numbers\":{\"label\":\"value\"}}. " +
                "Every number you write must come from the data; never invent one.");
            history.AddUserMessage(facts);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A list takes longer to write than a chat reply: twice the assistant's timeout.
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds * 2));
            var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, cancellationToken: timeout.Token);
            var text = reply.Content?.Trim() ?? "";
            var start = text.IndexOf('[', StringComparison.Ordinal);
            var end = text.LastIndexOf(']');
            var parsed = start >= 0 && end > start ? JsonSerializer.Deserialize<List<LlmAdvice>>(text[start..(end + 1)], Json) : null;
            var advice = parsed?.Where(a => a.Priority is "high" or "medium" or "low" && a.Area is "ads" or "search" or "analytics" or "budget"
                    && !string.IsNullOrWhiteSpace(a.Title) && !string.IsNullOrWhiteSpace(a.Detail))
                .Select(a => new Advice(a.Priority!, a.Area!, a.Title!.Trim(), a.Detail!.Trim(), a.Numbers ?? []))
                .Take(8).ToList();
            if (advice is not { Count: > 0 })
            {
                logger.LogWarning("The LLM's marketing recommendations did not parse; the rules' list is kept.");
                return (rules, "rules");
            }

            // Numbers as the data and the findings write them: cents, dollars with their cents, percentages.
            var sources = new List<string> { facts };
            sources.AddRange(rules.SelectMany(r => r.Numbers.Values.Append(r.Title).Append(r.Detail)));
            var invented = advice.SelectMany(a => ReplyPhraser.UngroundedNumbers(a.Title + " " + a.Detail + " " + string.Join(' ', a.Numbers.Values), sources)).Distinct().ToList();
            if (invented.Count > 0)
            {
                logger.LogWarning("The LLM's marketing recommendations stated numbers not in the data ({Numbers}); the rules' list is kept.", string.Join(", ", invented));
                return (rules, "rules");
            }

            return (advice.OrderBy(a => Order(a.Priority)).ToList(), "ai");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The LLM did not write the marketing recommendations ({Error}); the rules' list is kept.", exception.Message);
            return (rules, "rules");
        }
    }
}
