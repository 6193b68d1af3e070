namespace MyHibachi.Api.Features.Marketing;

/// <summary>One day of a campaign's spend and Google-counted conversions.</summary>
public readonly record struct DailySpend(DateOnly Date, long CostMicros, double Conversions);

/// <summary>A day a CPA rule fired: the first day of a breach, with the window's numbers.</summary>
public readonly record struct CpaBreach(DateOnly Day, long SpentCents, double Conversions, long? CpaCents, bool StillBroken = false);

/// <summary>The arithmetic of the dashboards, kept pure: money, rates, budget pacing and CPA breaches.</summary>
public static class MarketingMath
{
    /// <summary>Google's micros (a millionth of the currency unit) in whole cents, rounded half away from zero.</summary>
    public static long Cents(long micros) => (long)Math.Round(micros / 10_000m, MidpointRounding.AwayFromZero);

    public static double Ctr(long clicks, long impressions) => impressions <= 0 ? 0 : Math.Round((double)clicks / impressions, 4);

    /// <summary>Cost per conversion in cents; null when nothing converted.</summary>
    public static long? Cpa(long costMicros, double conversions) => conversions <= 0 ? null : Cents((long)Math.Round(costMicros / conversions));

    public static long? PerBooking(long costCents, int bookings) => bookings <= 0 ? null : (long)Math.Round((decimal)costCents / bookings, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The month's pacing on <paramref name="today"/> (the business's date): spend counts whole days only (the 1st up to
    /// yesterday); the run rate is the average of the last seven of them (fewer early in the month); the projection
    /// adds that rate for every day left, today included. Over: projected above 105 % of the budget; under: below 90 %.
    /// Days after <paramref name="through"/> (the last day the sync has stored) are not counted: a day not read yet is
    /// not a day without spend, so it is projected like the days to come.
    /// </summary>
    public static BudgetPacingDto Pacing(DateOnly today, IEnumerable<DailySpend> spend, long budgetCents, bool setByStaff, DateOnly? through = null)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var daysInMonth = DateTime.DaysInMonth(today.Year, today.Month);
        var last = through is { } stored && stored < today.AddDays(-1) ? stored : today.AddDays(-1);
        var counted = last < first ? 0 : last.Day;
        var byDay = spend.Where(s => s.Date >= first && s.Date <= last).GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Sum(s => s.CostMicros));
        var spentMicros = byDay.Values.Sum();
        var recentDays = Math.Min(7, counted);
        var recentMicros = Enumerable.Range(0, recentDays).Sum(back => byDay.GetValueOrDefault(last.AddDays(-back)));
        var rateCents = recentDays == 0 ? 0 : Cents(recentMicros / recentDays);
        var spentCents = Cents(spentMicros);
        var projected = spentCents + rateCents * (daysInMonth - counted);
        var share = budgetCents <= 0 ? 0 : Math.Round((double)projected / budgetCents, 4);
        var pace = budgetCents <= 0 ? "no_budget" : counted == 0 ? "not_started" : share > 1.05 ? "over" : share < 0.90 ? "under" : "on_track";
        return new BudgetPacingDto(today.Year, today.Month, budgetCents, setByStaff, spentCents, counted, daysInMonth, rateCents, projected, share, pace,
            counted == 0 ? null : last);
    }

    /// <summary>
    /// The month's budget when staff set none: each enabled campaign's average daily budget × the days of the month, a
    /// budget shared by several campaigns (the same budget id) counted once.
    /// </summary>
    public static long MonthBudgetCents(IEnumerable<(string? BudgetId, string CampaignId, long DailyBudgetMicros)> campaigns, int daysInMonth) =>
        Cents(campaigns.GroupBy(c => c.BudgetId ?? "campaign:" + c.CampaignId, StringComparer.Ordinal).Sum(g => g.Max(c => c.DailyBudgetMicros)) * daysInMonth);

    /// <summary>
    /// Whether a window of spend and conversions breaks the threshold: spend of at least the minimum (and more than
    /// nothing) with a cost per conversion above the maximum, or with no conversion at all for more than the maximum.
    /// </summary>
    public static bool Breaks(long spentCents, double conversions, long maxCpaCents, long minSpendCents) =>
        spentCents > 0 && spentCents >= minSpendCents && (conversions <= 0 ? spentCents > maxCpaCents : spentCents / conversions > maxCpaCents);

    /// <summary>
    /// The days in <paramref name="from"/>..<paramref name="to"/> on which a breach began: the trailing window of
    /// <paramref name="lookbackDays"/> days ending that day breaks the threshold and the window ending the day before did not.
    /// Days without a row count as no spend.
    /// </summary>
    public static IReadOnlyList<CpaBreach> BreachStarts(IEnumerable<DailySpend> days, DateOnly from, DateOnly to, long maxCpaCents, int lookbackDays, long minSpendCents)
    {
        var byDay = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => (Cost: g.Sum(d => d.CostMicros), Conversions: g.Sum(d => d.Conversions)));
        (long Cost, double Conversions) Window(DateOnly end)
        {
            long cost = 0;
            double conversions = 0;
            for (var day = end.AddDays(1 - lookbackDays); day <= end; day = day.AddDays(1))
            {
                if (byDay.TryGetValue(day, out var d))
                {
                    cost += d.Cost;
                    conversions += d.Conversions;
                }
            }

            return (cost, conversions);
        }

        var starts = new List<CpaBreach>();
        var before = Window(from.AddDays(-1));
        var brokeBefore = Breaks(Cents(before.Cost), before.Conversions, maxCpaCents, minSpendCents);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var window = Window(day);
            var spent = Cents(window.Cost);
            var breaks = Breaks(spent, window.Conversions, maxCpaCents, minSpendCents);
            if (breaks && !brokeBefore)
            {
                starts.Add(new CpaBreach(day, spent, Math.Round(window.Conversions, 2), Cpa(window.Cost, window.Conversions)));
            }

            brokeBefore = breaks;
        }

        if (brokeBefore && starts.Count > 0)
        {
            starts[^1] = starts[^1] with { StillBroken = true };
        }

        return starts;
    }

    /// <summary>Search Console's average position over rows, weighted by impressions (as Google aggregates it).</summary>
    public static double WeightedPosition(IEnumerable<(double Position, long Impressions)> rows)
    {
        long impressions = 0;
        double weighted = 0;
        foreach (var (position, count) in rows)
        {
            impressions += count;
            weighted += position * count;
        }

        return impressions == 0 ? 0 : Math.Round(weighted / impressions, 1);
    }
}
