using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using MyHibachi.Api.Data;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Marketing;

public static class MarketingApi
{
    public static IServiceCollection AddMarketing(this IServiceCollection services) =>
        services.AddScoped<MarketingReports>().AddScoped<MarketingAdvisor>().AddScoped<MarketingData>().AddScoped<MarketingDemo>()
            .AddSingleton<MarketingAdviceRefresher>().AddHostedService(sp => sp.GetRequiredService<MarketingAdviceRefresher>());

    public static IEndpointRouteBuilder MapMarketingApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/marketing").WithTags("Marketing").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api)
            .RequirePermission(Permissions.MarketingRead);
        read.MapGet("/overview", ([AsParameters] MarketingQuery query, MarketingReports reports, IHostEnvironment environment, CancellationToken ct) =>
                reports.OverviewAsync(query, environment.IsDevelopment(), ct).ToOk())
            .WithName("MarketingOverview").ProducesValidationProblem()
            .WithSummary("Spend, bookings and cost per real booking for a range (default: the last 28 days), the month's pacing, open CPA alerts and the recommendations");
        read.MapGet("/sources", (HibachiDbContext db, CancellationToken ct) => MarketingData.SourcesAsync(db, ct))
            .WithName("MarketingSources").WithSummary("Search Console, Google Ads and GA4: connected or not (with the steps), last sync, the days stored");
        read.MapGet("/search", ([AsParameters] MarketingQuery query, MarketingReports reports, CancellationToken ct) => reports.SearchAsync(query, ct).ToOk())
            .WithName("MarketingSearch").ProducesValidationProblem().WithSummary("Search Console: clicks and impressions by day, top queries and pages, the pages' index status");
        read.MapGet("/ads", ([AsParameters] MarketingQuery query, MarketingReports reports, CancellationToken ct) => reports.AdsAsync(query, ct).ToOk())
            .WithName("MarketingAds").ProducesValidationProblem()
            .WithSummary("Google Ads: campaigns (with our bookings and cost per booking), keywords, search terms, locations, devices, hours, pacing, experiments, CPA alerts");
        read.MapGet("/analytics", ([AsParameters] MarketingQuery query, MarketingReports reports, CancellationToken ct) => reports.AnalyticsAsync(query, ct).ToOk())
            .WithName("MarketingAnalytics").ProducesValidationProblem()
            .WithSummary("GA4: sessions, users and key events by day and channel, pages, and the visit → quote → booking form → booked → paid funnel");
        read.MapGet("/recommendations", (MarketingReports reports, CancellationToken ct) => reports.RecommendationsAsync(ct))
            .WithName("MarketingRecommendations").WithSummary("The prioritised actions from the last analysis, each with its numbers");
        read.MapGet("/export/{report}.csv", Export).WithName("MarketingExport").ProducesValidationProblem()
            .WithSummary("A dashboard table as CSV for the range (search-queries, ads-campaigns, analytics-funnel, …)");
        read.MapGet("/alerts/rules", (HibachiDbContext db, CancellationToken ct) => MarketingData.RulesAsync(db, ct))
            .WithName("CpaAlertRules").WithSummary("The CPA alert thresholds staff set");

        var manage = app.MapGroup("/api/v1/marketing").WithTags("Marketing").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api)
            .RequirePermission(Permissions.MarketingManage);
        manage.MapPut("/sources/{source}", (string source, MarketingSourceRequest request, MarketingData data, CancellationToken ct) => data.SaveAsync(source, request, ct).ToOk())
            .WithName("LinkMarketingSource").ProducesValidationProblem()
            .WithSummary("Link a source to a Google connection and its property (a Search Console site, an Ads customer id, a GA4 property id); a sync starts");
        manage.MapPost("/sources/{source}/sync", (string source, MarketingData data, CancellationToken ct) => data.RequestSyncAsync(source, ct).ToNoContent())
            .WithName("SyncMarketingSource").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Read the source from Google now (the Workers sync; the status shows progress)");
        manage.MapPost("/recommendations/refresh", (MarketingAdvisor advisor, CancellationToken ct) => advisor.RefreshAsync(ct))
            .WithName("RefreshMarketingRecommendations").WithSummary("Analyse the stored numbers again (the LLM when configured, the rules otherwise)");
        manage.MapPost("/alerts/rules", (CpaAlertRuleRequest request, MarketingData data, CancellationToken ct) => data.SaveRuleAsync(null, request, ct).ToOk())
            .WithName("CreateCpaAlertRule").ProducesValidationProblem()
            .WithSummary("Alert when a campaign's (or every campaign's) cost per conversion over the last days passes a threshold");
        manage.MapPut("/alerts/rules/{id:guid}", (Guid id, CpaAlertRuleRequest request, MarketingData data, CancellationToken ct) => data.SaveRuleAsync(id, request, ct).ToOk())
            .WithName("UpdateCpaAlertRule").ProducesValidationProblem().WithSummary("Change a threshold, or turn it off");
        manage.MapDelete("/alerts/rules/{id:guid}", (Guid id, MarketingData data, CancellationToken ct) => data.DeleteRuleAsync(id, ct).ToNoContent())
            .WithName("DeleteCpaAlertRule").WithSummary("Remove a threshold (and its alerts)");
        manage.MapPost("/alerts/{id:guid}/acknowledge", (Guid id, MarketingData data, CancellationToken ct) => data.AcknowledgeAsync(id, ct).ToOk())
            .WithName("AcknowledgeCpaAlert").WithSummary("Mark an alert as seen");
        manage.MapPost("/demo", Demo).WithName("LoadMarketingDemo").WithSummary("Development only: load the labelled demo data set into the sources that hold no real data");
        manage.MapDelete("/demo", RemoveDemo).WithName("RemoveMarketingDemo").WithSummary("Development only: remove the demo data set");

        var workers = app.MapGroup("/api/internal/marketing").WithTags("Internal (workers)").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api).RequirePermission(Permissions.InternalAccess);
        workers.MapPost("/targets", (string? source, MarketingData data, CancellationToken ct) => data.TargetsAsync(source, ct))
            .WithName("MarketingSyncTargets").WithSummary("The connected sources to read (one or all), each marked running, with the days to read and the pages to inspect");
        workers.MapPut("/{source}/data", (string source, MarketingDataReport report, MarketingData data, CancellationToken ct) => data.IngestAsync(source, report, ct).ToOk())
            .WithName("ReportMarketingData").ProducesValidationProblem().WithMetadata(new RequestBodyLimit(MarketingLimits.MaxReportBytes))
            .WithSummary("What a sync read (replacing the stored days of the range) or why it failed; returns the CPA alerts it set off");
        return app;
    }

    /// <summary>A body limit for one endpoint, above the Api's 1 MB default (routing applies it when the endpoint is chosen).</summary>
    private sealed class RequestBodyLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }

    private static async Task<IResult> Export(string report, [AsParameters] MarketingQuery query, MarketingReports reports, CancellationToken cancellationToken)
    {
        var result = await reports.ExportAsync(report, query, cancellationToken);
        return result.Succeeded
            ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(result.Value.Csv)).ToArray(), "text/csv; charset=utf-8", result.Value.Name)
            : result.Failure!.ToResult();
    }

    private static async Task<IResult> Demo(MarketingDemo demo, IHostEnvironment environment, CancellationToken cancellationToken) =>
        environment.IsDevelopment() ? TypedResults.Ok(await demo.LoadAsync(cancellationToken)) : Failure.NotFound("The demo data set").ToResult();

    private static async Task<IResult> RemoveDemo(MarketingDemo demo, IHostEnvironment environment, CancellationToken cancellationToken) =>
        environment.IsDevelopment() ? TypedResults.Ok(await demo.RemoveAsync(cancellationToken)) : Failure.NotFound("The demo data set").ToResult();
}
