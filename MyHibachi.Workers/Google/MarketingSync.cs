using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Workers.Jobs;

namespace MyHibachi.Workers.Google;

/// <summary>
/// Reads the connected marketing sources (Search Console, Google Ads, GA4) into the Api, which stores the rows and
/// fires the CPA alerts they set off. A failure is recorded on the source for staff to see; an outage (after the
/// back-off) is thrown so the message is tried again.
/// </summary>
public sealed class MarketingSync(
    MarketingClient api, GoogleApi google, GoogleMarketing marketing, IOptions<GoogleOptions> options, ILogger<MarketingSync> logger)
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
                // The CPA alerts a part sets off are e-mailed through the outbox (GoogleAlertEmails).
                var facts = 0;
                var alerts = 0;
                foreach (var part in MarketingParts.Split(report, target.Property, options.Value.MarketingPartBytes))
                {
                    var result = (await api.ReportDataAsync(target.Source, part, cancellationToken)).OrThrow("storing the marketing data");
                    facts += result.Facts;
                    alerts += result.NewAlerts.Count;
                }

                logger.LogInformation("{Source}: {Facts} rows stored for {From}..{To}; {Alerts} CPA alerts.", target.Source, facts, target.From, target.To, alerts);
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
