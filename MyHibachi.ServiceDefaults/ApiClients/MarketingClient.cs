using System.Globalization;
using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>The marketing dashboards (staff) and the Workers' marketing sync endpoints.</summary>
public sealed class MarketingClient(HttpClient http, ILogger<MarketingClient> logger) : ApiClient(http, logger)
{
    private static string Range(MarketingQuery query, string separator = "?")
    {
        var parts = new List<string>();
        if (query.From is { } from)
        {
            parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (query.To is { } to)
        {
            parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : separator + string.Join('&', parts);
    }

    public Task<ApiResult<MarketingOverviewDto>> OverviewAsync(MarketingQuery query, CancellationToken ct) =>
        GetAsync<MarketingOverviewDto>("/api/v1/marketing/overview" + Range(query), ct);

    public Task<ApiResult<IReadOnlyList<MarketingSourceDto>>> SourcesAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<MarketingSourceDto>>("/api/v1/marketing/sources", ct);

    public Task<ApiResult<SearchReportDto>> SearchAsync(MarketingQuery query, CancellationToken ct) => GetAsync<SearchReportDto>("/api/v1/marketing/search" + Range(query), ct);

    public Task<ApiResult<AdsReportDto>> AdsAsync(MarketingQuery query, CancellationToken ct) => GetAsync<AdsReportDto>("/api/v1/marketing/ads" + Range(query), ct);

    public Task<ApiResult<AnalyticsReportDto>> AnalyticsAsync(MarketingQuery query, CancellationToken ct) =>
        GetAsync<AnalyticsReportDto>("/api/v1/marketing/analytics" + Range(query), ct);

    public Task<ApiResult<FileDownload>> ExportAsync(string report, MarketingQuery query, CancellationToken ct) =>
        DownloadAsync($"/api/v1/marketing/export/{Uri.EscapeDataString(report)}.csv" + Range(query), ct);

    public Task<ApiResult<MarketingSourceDto>> SaveSourceAsync(string source, MarketingSourceRequest request, CancellationToken ct) =>
        PutAsync<MarketingSourceDto>($"/api/v1/marketing/sources/{Uri.EscapeDataString(source)}", request, ct);

    public Task<ApiResult<Done>> SyncAsync(string source, CancellationToken ct) => PostAsync<Done>($"/api/v1/marketing/sources/{Uri.EscapeDataString(source)}/sync", null, ct);

    public Task<ApiResult<IReadOnlyList<RecommendationDto>>> RefreshRecommendationsAsync(CancellationToken ct) =>
        PostAsync<IReadOnlyList<RecommendationDto>>("/api/v1/marketing/recommendations/refresh", null, ct);

    public Task<ApiResult<CpaAlertRuleDto>> SaveRuleAsync(Guid? id, CpaAlertRuleRequest request, CancellationToken ct) =>
        id is null ? PostAsync<CpaAlertRuleDto>("/api/v1/marketing/alerts/rules", request, ct) : PutAsync<CpaAlertRuleDto>($"/api/v1/marketing/alerts/rules/{id}", request, ct);

    public Task<ApiResult<Done>> DeleteRuleAsync(Guid id, CancellationToken ct) => DeleteAsync($"/api/v1/marketing/alerts/rules/{id}", null, ct);

    public Task<ApiResult<CpaAlertDto>> AcknowledgeAsync(Guid id, CancellationToken ct) => PostAsync<CpaAlertDto>($"/api/v1/marketing/alerts/{id}/acknowledge", null, ct);

    public Task<ApiResult<IReadOnlyList<MarketingSourceDto>>> LoadDemoAsync(CancellationToken ct) =>
        PostAsync<IReadOnlyList<MarketingSourceDto>>("/api/v1/marketing/demo", null, ct);

    public Task<ApiResult<Done>> RemoveDemoAsync(CancellationToken ct) => DeleteAsync("/api/v1/marketing/demo", null, ct);

    // ---- The Workers ----

    public Task<ApiResult<IReadOnlyList<MarketingTargetDto>>> TargetsAsync(string? source, CancellationToken ct) =>
        PostAsync<IReadOnlyList<MarketingTargetDto>>("/api/internal/marketing/targets" + (source is null ? "" : "?source=" + Uri.EscapeDataString(source)), null, ct);

    public Task<ApiResult<MarketingIngestResult>> ReportDataAsync(string source, MarketingDataReport report, CancellationToken ct) =>
        PutAsync<MarketingIngestResult>($"/api/internal/marketing/{Uri.EscapeDataString(source)}/data", report, ct);
}
