using System.Globalization;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Workers.Jobs;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;
using MyHibachi.Workers.Payments;

namespace MyHibachi.Workers.Google;

/// <summary>
/// Reads the connected marketing sources (Search Console, Google Ads, GA4) into the Api, which stores the rows and
/// answers with the CPA alerts they set off; staff are e-mailed those. A failure is recorded on the source for staff
/// to see; an outage (after the back-off) is thrown so the message is tried again.
/// </summary>
public sealed class MarketingSync(
    MarketingClient api, GoogleApi google, GoogleMarketing marketing, EmailSender email, EmailTemplates templates, IOptions<BusinessOptions> business,
    IOptions<SiteOptions> site, IOptions<GoogleOptions> options, ILogger<MarketingSync> logger)
{
    public async Task SyncAsync(string? source, CancellationToken cancellationToken)
    {
        var targets = (await api.TargetsAsync(source, cancellationToken)).OrThrow("the marketing sources");
        Exception? failure = null;
        foreach (var target in targets)
        {
            try
            {
                var access = await google.AccessAsync(target.ConnectionId, cancellationToken);
                var report = target.Source switch
                {
                    MarketingSources.SearchConsole => await marketing.SearchConsoleAsync(access, target, cancellationToken),
                    MarketingSources.Ads => await marketing.AdsAsync(access, target, cancellationToken),
                    _ => await marketing.AnalyticsAsync(access, target, cancellationToken),
                };
                // In parts of whole days, oldest first: a part that fails leaves the days before it stored and the rest as they were.
                var alerts = new List<CpaAlertDto>();
                var facts = 0;
                foreach (var part in MarketingParts.Split(report, target.Property, options.Value.MarketingPartBytes))
                {
                    var result = (await api.ReportDataAsync(target.Source, part, cancellationToken)).OrThrow("storing the marketing data");
                    facts += result.Facts;
                    alerts.AddRange(result.NewAlerts);
                }

                logger.LogInformation("{Source}: {Facts} rows stored for {From}..{To}.", target.Source, facts, target.From, target.To);
                if (alerts.Count > 0)
                {
                    await AlertAsync(alerts, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong is written on the source for staff, and the next source is still read.
                logger.LogWarning(exception, "{Source} sync failed: {Error}", target.Source, exception.Message);
                await RecordFailureAsync(target, exception.Message, cancellationToken);
                failure ??= exception is GoogleException { Transient: false } ? null : exception;
            }
        }

        if (failure is not null)
        {
            // Google was down or the Api could not take the data: the message is tried again later.
            throw failure;
        }
    }

    private async Task RecordFailureAsync(MarketingTargetDto target, string message, CancellationToken cancellationToken)
    {
        try
        {
            await api.ReportDataAsync(target.Source,
                new MarketingDataReport(target.From, target.To, null, null, null, null, TextLimits.Clip(message, 500), target.Property), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The {Source} failure could not be recorded.", target.Source);
        }
    }

    private static string Dollars(long? cents) => cents is { } c ? (c / 100m).ToString("$#,##0.00", CultureInfo.InvariantCulture) : "no conversion";

    private async Task AlertAsync(IReadOnlyList<CpaAlertDto> alerts, CancellationToken cancellationToken)
    {
        var model = new MessageEmailModel("Hello team",
            alerts.Count == 1 ? $"CPA alert: {alerts[0].CampaignName} at {Dollars(alerts[0].CpaCents)} per conversion" : $"{alerts.Count} CPA alerts from Google Ads",
            ["A campaign's cost per conversion went above the threshold you set. The day is the first day of the breach."],
            alerts.Select(a => ($"{a.CampaignName} · {a.Day:yyyy-MM-dd}",
                $"{Dollars(a.SpentCents)} spent over {a.LookbackDays} days for {a.Conversions.ToString("0.##", CultureInfo.InvariantCulture)} conversions: {Dollars(a.CpaCents)} each (limit {Dollars(a.MaxCpaCents)})."))
                .ToList(),
            $"{site.Value.BaseUrl.TrimEnd('/')}/Admin/Marketing/Ads", "Open the Ads dashboard");
        var html = await templates.RenderMessageAsync(model);
        await email.SendAsync(email.Compose($"cpa-alert-{alerts[0].Id:N}", business.Value.Name, business.Value.Email, model.Subject, model.Text, html), cancellationToken);
    }
}

public sealed class MarketingSyncJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<GoogleOptions> options, ILogger<MarketingSyncJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.MarketingSyncEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<MarketingSync>().SyncAsync(null, cancellationToken);
        }
        catch (GoogleException exception)
        {
            logger.LogWarning("The marketing sync will be tried at the next run: {Error}", exception.Message);
        }
    }
}
