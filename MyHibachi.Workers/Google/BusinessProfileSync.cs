using System.Net;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Jobs;
using MyHibachi.Workers.Messaging;

namespace MyHibachi.Workers.Google;

/// <summary>
/// Reads each linked location's Google reviews into the Api (which has staff e-mailed about new negative ones) and writes
/// the station's hours to Google when they changed. A failure is reported for staff to see.
/// </summary>
public sealed class BusinessProfileSync(
    GoogleClient api, GoogleApi google, GoogleBusinessProfile profile, ILogger<BusinessProfileSync> logger)
{
    public async Task SyncAsync(Guid? stationId, CancellationToken cancellationToken)
    {
        var targets = (await api.BusinessTargetsAsync(stationId, cancellationToken)).OrThrow("the Business Profile locations");
        GoogleException? transient = null;
        foreach (var target in targets)
        {
            try
            {
                var access = await google.AccessAsync(target.ConnectionId, cancellationToken);
                var read = await profile.ReadReviewsAsync(access, target.AccountId, target.LocationId, cancellationToken);
                var result = (await api.ReportReviewsAsync(target.StationId, new GoogleReviewsReport(read.Reviews, read.AverageRating, read.TotalReviewCount, null), cancellationToken))
                    .OrThrow("storing the reviews");
                logger.LogInformation("Station {Station}: {Reviews} Google reviews read, {Negative} new negative (e-mailed through the outbox).", target.StationId,
                    result.Stored, result.NewNegative.Count);

                if (target.HoursPending)
                {
                    try
                    {
                        await profile.WriteHoursAsync(access, target.LocationId, target.RegularHours, target.SpecialHours, cancellationToken);
                        await api.ReportHoursAsync(target.StationId, new BusinessHoursReport(null), cancellationToken);
                    }
                    catch (GoogleException exception) when (!exception.Transient)
                    {
                        await api.ReportHoursAsync(target.StationId, new BusinessHoursReport(TextLimits.Clip(exception.Message, 500)), cancellationToken);
                    }
                }
            }
            catch (GoogleException exception)
            {
                logger.LogWarning("Business Profile sync for station {Station} failed: {Error}", target.StationId, exception.Message);
                await api.ReportReviewsAsync(target.StationId, new GoogleReviewsReport(null, null, null, TextLimits.Clip(exception.Message, 500)), cancellationToken);
                transient ??= exception.Transient ? exception : null;
            }
        }

        if (transient is not null)
        {
            throw transient;
        }
    }

    /// <summary>Posts an approved reply; a refusal is recorded for staff, an outage is retried.</summary>
    public async Task PostReplyAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var reply = await api.ReplyToPostAsync(reviewId, cancellationToken);
        if (reply.Status is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return; // posted already, or changed since
        }

        var post = reply.OrThrow("the reply to post");
        try
        {
            var access = await google.AccessAsync(post.ConnectionId, cancellationToken);
            await profile.ReplyAsync(access, post, cancellationToken);
            (await api.ReportReplyAsync(reviewId, new ReviewReplyReport(true, null), cancellationToken)).OrThrow("recording the reply");
        }
        catch (GoogleException exception) when (!exception.Transient)
        {
            await api.ReportReplyAsync(reviewId, new ReviewReplyReport(false, TextLimits.Clip(exception.Message, 500)), cancellationToken);
        }
    }
}

public sealed class BusinessProfileSyncJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<GoogleOptions> options, ILogger<BusinessProfileSyncJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.BusinessProfileSyncEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<BusinessProfileSync>().SyncAsync(null, cancellationToken);
        }
        catch (GoogleException exception)
        {
            logger.LogWarning("Business Profile sync will be tried at the next run: {Error}", exception.Message);
        }
    }
}

/// <summary>Staff asked for a sync, or a location's link or hours (or a marketing source's settings) changed.</summary>
public sealed class GoogleSyncing(BusinessProfileSync business, MarketingSync marketing) : IEventHandler<GoogleSyncRequested>
{
    public Task HandleAsync(GoogleSyncRequested message, EventContext context, CancellationToken cancellationToken) => message.Source switch
    {
        "business_profile" => business.SyncAsync(message.StationId, cancellationToken),
        MarketingSources.SearchConsole or MarketingSources.Ads or MarketingSources.Analytics => marketing.SyncAsync(message.Source, cancellationToken),
        _ => Task.CompletedTask,
    };
}

public sealed class ReviewReplyPosting(BusinessProfileSync business) : IEventHandler<ReviewReplyApproved>
{
    public Task HandleAsync(ReviewReplyApproved message, EventContext context, CancellationToken cancellationToken) => business.PostReplyAsync(message.ReviewId, cancellationToken);
}
