namespace MyHibachi.Contracts;

/// <summary>The three marketing sources the Workers read from Google.</summary>
public static class MarketingSources
{
    public const string SearchConsole = "search_console";
    public const string Ads = "ads";
    public const string Analytics = "analytics";

    public static readonly string[] All = [SearchConsole, Ads, Analytics];
}

/// <summary>
/// One source's settings and sync state. <see cref="Steps"/> says how to connect it while it is not connected;
/// <see cref="Demo"/> marks a source whose numbers are the Development demo set.
/// </summary>
public sealed record MarketingSourceDto(
    string Source, string Title, bool Connected, Guid? ConnectionId, string? ConnectionName, string? Property, string? LoginCustomerId,
    long? MonthlyBudgetCents, string Status, DateTimeOffset? LastSyncedAt, string? LastError, DateOnly? DataFrom, DateOnly? DataTo, bool Demo,
    IReadOnlyList<string> Steps);

/// <summary>
/// Staff link a source: the Google connection to use and the property (a Search Console site such as
/// <c>sc-domain:myhibachi.com</c>, a 10-digit Ads customer id, a GA4 property id). For Ads, the manager account
/// it is reached through and the month's budget (empty: the campaigns' daily budgets × the days of the month).
/// </summary>
public sealed record MarketingSourceRequest(Guid? ConnectionId, string? Property, string? LoginCustomerId, long? MonthlyBudgetCents);

/// <summary>A date range (both days included), in the business's own dates.</summary>
public sealed record MarketingRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

public sealed record MarketingPoint(DateOnly Date, double Value);

public sealed record NamedSeries(string Name, IReadOnlyList<MarketingPoint> Points);

// ---- Search Console ----

public sealed record SearchTotals(long Clicks, long Impressions, double Ctr, double Position);

public sealed record SearchRow(string Key, long Clicks, long Impressions, double Ctr, double Position);

public sealed record IndexIssueDto(string Url, string Verdict, string? CoverageState, string? PageFetchState, string? RobotsTxtState, string? IndexingState,
    DateTimeOffset? LastCrawlTime, DateTimeOffset CheckedAt);

public sealed record SearchReportDto(
    MarketingSourceDto Source, MarketingRange Range, SearchTotals Totals, SearchTotals Previous, IReadOnlyList<NamedSeries> Daily,
    IReadOnlyList<SearchRow> TopQueries, IReadOnlyList<SearchRow> TopPages, IReadOnlyList<IndexIssueDto> Pages);

// ---- Google Ads ----

/// <summary>Ads performance of one row. Money in cents (Google's micros rounded); CPA per Google conversion; cost per booking per our own bookings.</summary>
public sealed record AdsRow(string Key, string Name, long CostCents, long Clicks, long Impressions, double Conversions, double Ctr, long? CpaCents,
    int? Bookings = null, long? CostPerBookingCents = null);

public sealed record BudgetPacingDto(
    int Year, int Month, long BudgetCents, bool BudgetSetByStaff, long SpentCents, int DaysCounted, int DaysInMonth, long DailyRunRateCents,
    long ProjectedCents, double ProjectedShare, string Pace, DateOnly? Through);

public sealed record ExperimentArmDto(string Name, bool Control, int TrafficSplit, long CostCents, long Clicks, double Conversions, long? CpaCents, double Ctr);

public sealed record ExperimentDto(string Id, string Name, string Type, string Status, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<ExperimentArmDto> Arms,
    string? Verdict);

public sealed record CpaAlertRuleDto(Guid Id, string? CampaignId, string? CampaignName, long MaxCpaCents, int LookbackDays, long MinSpendCents, bool Enabled,
    DateTimeOffset CreatedAt);

public sealed record CpaAlertRuleRequest(string? CampaignId, long? MaxCpaCents, int? LookbackDays, long? MinSpendCents, bool? Enabled);

public sealed record CpaAlertDto(Guid Id, Guid RuleId, string CampaignId, string CampaignName, DateOnly Day, long SpentCents, double Conversions, long? CpaCents,
    long MaxCpaCents, int LookbackDays, DateTimeOffset FiredAt, DateTimeOffset? AcknowledgedAt);

public sealed record AdsReportDto(
    MarketingSourceDto Source, MarketingRange Range, AdsRow Totals, int BookingsFromAds, long? CostPerBookingCents, IReadOnlyList<NamedSeries> Daily,
    IReadOnlyList<AdsRow> Campaigns, IReadOnlyList<AdsRow> Keywords, IReadOnlyList<AdsRow> SearchTerms, IReadOnlyList<AdsRow> Locations,
    IReadOnlyList<AdsRow> Devices, IReadOnlyList<AdsRow> Hours, BudgetPacingDto? Pacing, IReadOnlyList<ExperimentDto> Experiments,
    IReadOnlyList<CpaAlertRuleDto> Rules, IReadOnlyList<CpaAlertDto> Alerts);

// ---- GA4 ----

public sealed record AnalyticsRow(string Key, long Sessions, long Users, double KeyEvents);

/// <summary>A funnel step; <see cref="Ours"/> marks the steps counted from our own bookings, not from Google Analytics.</summary>
public sealed record FunnelStepDto(string Name, long Count, double? FromPrevious, bool Ours);

public sealed record AnalyticsReportDto(
    MarketingSourceDto Source, MarketingRange Range, AnalyticsRow Totals, IReadOnlyList<NamedSeries> Daily, IReadOnlyList<AnalyticsRow> Channels,
    IReadOnlyList<AnalyticsRow> Pages, IReadOnlyList<FunnelStepDto> Funnel, long AdsCostCents, int Bookings, int BookingsFromAds,
    long? CostPerBookingCents);

// ---- Overview and recommendations ----

public sealed record RecommendationDto(Guid Id, string Priority, string Area, string Title, string Detail, IReadOnlyDictionary<string, string> Numbers,
    string Source, DateTimeOffset CreatedAt);

public sealed record MarketingOverviewDto(
    MarketingRange Range, IReadOnlyList<MarketingSourceDto> Sources, long AdsCostCents, double AdsConversions, int Bookings, int BookingsFromAds,
    long? CostPerBookingCents, long SearchClicks, long Sessions, BudgetPacingDto? Pacing, IReadOnlyList<CpaAlertDto> OpenAlerts,
    IReadOnlyList<RecommendationDto> Recommendations, bool DemoAvailable);

/// <summary>The ad click or tagged link (utm_source, utm_medium, utm_campaign, gclid) the visitor last arrived from before booking.</summary>
public sealed record AttributionDto(string? Source, string? Medium, string? Campaign, string? ClickId);

public sealed record MarketingQuery(DateOnly? From = null, DateOnly? To = null);

// ---- The Workers ----

public sealed record MarketingTargetDto(string Source, Guid ConnectionId, string Property, string? LoginCustomerId, DateOnly From, DateOnly To,
    IReadOnlyList<string> InspectUrls);

/// <summary>One metric row read from Google. <see cref="Report"/> says which report (e.g. <c>ads.device</c>); the keys are that report's dimensions.</summary>
public sealed record MarketingFact(
    string Report, DateOnly Date, string Key1, string? Key2, long Clicks, long Impressions, long CostMicros, double Conversions, double Position,
    long Sessions, long Users, double KeyEvents);

/// <summary>A campaign and its budget; campaigns that share a budget name the same <see cref="BudgetId"/>, counted once.</summary>
public sealed record AdsCampaignInfo(string Id, string Name, string Status, long DailyBudgetMicros, string? BudgetId = null);

public sealed record AdsExperimentInfo(string Id, string Name, string Type, string Status, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<AdsExperimentArmInfo> Arms);

public sealed record AdsExperimentArmInfo(string Name, bool Control, int TrafficSplit, IReadOnlyList<string> CampaignIds);

public sealed record PageInspectionInfo(string Url, string Verdict, string? CoverageState, string? PageFetchState, string? RobotsTxtState, string? IndexingState,
    DateTimeOffset? LastCrawlTime);

/// <summary>
/// What one sync read (every row in the range replaces what was stored for it), or why it failed. A long read comes in
/// parts of whole days, oldest first, each stored on its own; <see cref="More"/> says another part follows (the source
/// stays "running" and the recommendations wait for the last). <see cref="Property"/> is the property that was read:
/// a report for a property staff have since replaced is dropped.
/// </summary>
public sealed record MarketingDataReport(
    DateOnly From, DateOnly To, IReadOnlyList<MarketingFact>? Facts, IReadOnlyList<AdsCampaignInfo>? Campaigns, IReadOnlyList<AdsExperimentInfo>? Experiments,
    IReadOnlyList<PageInspectionInfo>? Pages, string? Error, string? Property = null, bool More = false);

public static class MarketingLimits
{
    /// <summary>The largest part of a sync the Api takes in one request (the Workers cut a sync into parts of whole days below it).</summary>
    public const long MaxReportBytes = 16 * 1024 * 1024;
}

/// <summary>The CPA alerts the report set off (the Workers e-mail them).</summary>
public sealed record MarketingIngestResult(int Facts, IReadOnlyList<CpaAlertDto> NewAlerts);
