namespace MyHibachi.Api.Data.Entities;

/// <summary>
/// One marketing source (Search Console, Google Ads, GA4): which connection and property the Workers read,
/// and how the last sync went. The numbers themselves are <see cref="MarketingFactRow"/> rows.
/// </summary>
public sealed class MarketingSourceSetting : ITimestamped
{
    /// <summary>search_console, ads or analytics.</summary>
    public string Source { get; set; } = "";

    public Guid? ConnectionId { get; set; }

    /// <summary>The Search Console site, the Ads customer id (10 digits) or the GA4 property id.</summary>
    public string? Property { get; set; }

    /// <summary>Ads only: the manager account the customer is reached through (digits).</summary>
    public string? LoginCustomerId { get; set; }

    /// <summary>Ads only: the month's budget staff set; null means the campaigns' daily budgets × the days of the month.</summary>
    public long? MonthlyBudgetCents { get; set; }

    public CalendarSyncStatus Status { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The days the stored rows cover.</summary>
    public DateOnly? DataFrom { get; set; }

    public DateOnly? DataTo { get; set; }

    /// <summary>The stored rows are the Development demo set, not Google's.</summary>
    public bool Demo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// One day of one report row from Google, e.g. ads.device for campaign 111 on MOBILE, or sc.query for a query and
/// page. The dashboards add these up for any range, so they never wait for Google. Money in micros as Google gives it.
/// </summary>
public sealed class MarketingFactRow
{
    public long Id { get; set; }

    public string Source { get; set; } = "";

    /// <summary>sc.day, sc.query, ads.campaign, ads.device, ads.hour, ads.location, ads.keyword, ads.search_term, ga.channel, ga.page.</summary>
    public string Report { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Key1 { get; set; } = "";

    public string? Key2 { get; set; }

    public long Clicks { get; set; }

    public long Impressions { get; set; }

    public long CostMicros { get; set; }

    public double Conversions { get; set; }

    /// <summary>Search Console's average position for the row (weighted by impressions when rows are added up).</summary>
    public double Position { get; set; }

    public long Sessions { get; set; }

    public long Users { get; set; }

    public double KeyEvents { get; set; }
}

public sealed class AdsCampaign
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>ENABLED, PAUSED or REMOVED.</summary>
    public string Status { get; set; } = "";

    public long DailyBudgetMicros { get; set; }

    /// <summary>The campaign budget's id: a shared budget is spent by several campaigns and counted once.</summary>
    public string? BudgetId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class AdsExperiment
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Status { get; set; } = "";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public List<AdsExperimentArm> Arms { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record AdsExperimentArm(string Name, bool Control, int TrafficSplit, List<string> CampaignIds);

/// <summary>The last URL Inspection answer for one of the site's pages.</summary>
public sealed class SearchPageInspection
{
    public string Url { get; set; } = "";

    public string Verdict { get; set; } = "";

    public string? CoverageState { get; set; }

    public string? PageFetchState { get; set; }

    public string? RobotsTxtState { get; set; }

    public string? IndexingState { get; set; }

    public DateTimeOffset? LastCrawlTime { get; set; }

    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>A staff threshold: alert when a campaign's (or every campaign's) cost per conversion over the last days goes above it.</summary>
public sealed class CpaAlertRule : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Null: every campaign, each on its own.</summary>
    public string? CampaignId { get; set; }

    public long MaxCpaCents { get; set; }

    public int LookbackDays { get; set; } = 7;

    /// <summary>Spend below this in the window never alerts (too little data to judge).</summary>
    public long MinSpendCents { get; set; }

    public bool Enabled { get; set; } = true;

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A rule fired for a campaign on the first day of a breach (the day the window first went over the threshold).</summary>
public sealed class CpaAlert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RuleId { get; set; }

    public string CampaignId { get; set; } = "";

    public DateOnly Day { get; set; }

    public long SpentCents { get; set; }

    public double Conversions { get; set; }

    public long? CpaCents { get; set; }

    public long MaxCpaCents { get; set; }

    public int LookbackDays { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public Guid? AcknowledgedBy { get; set; }
}

public sealed class MarketingRecommendation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>high, medium or low.</summary>
    public string Priority { get; set; } = "";

    /// <summary>ads, search, analytics or budget.</summary>
    public string Area { get; set; } = "";

    public string Title { get; set; } = "";

    public string Detail { get; set; } = "";

    public Dictionary<string, string> Numbers { get; set; } = [];

    /// <summary>rules or ai.</summary>
    public string Origin { get; set; } = "rules";

    public int Rank { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a booking's customer came from (the last ad click or tagged link before they booked), for cost per real booking.</summary>
public sealed record BookingAttribution(string? Source, string? Medium, string? Campaign, string? ClickId)
{
    /// <summary>A Google Ads click: a gclid, or a link tagged google / cpc (or ppc, paid).</summary>
    public bool FromGoogleAds => ClickId is not null
        || (string.Equals(Source, "google", StringComparison.OrdinalIgnoreCase) && Medium?.ToLowerInvariant() is "cpc" or "ppc" or "paid" or "paidsearch");
}
