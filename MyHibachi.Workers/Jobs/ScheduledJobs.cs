using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;

namespace MyHibachi.Workers.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>When the nightly purge runs, UTC, "HH:mm".</summary>
    [Required, RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string PurgeAtUtc { get; set; } = "03:00";

    /// <summary>How often quotes without a booking are turned into leads.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan QuoteFollowUpEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often open payments are checked with Stripe and unpaid holds released.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReconcilePaymentsEvery { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the inbox's queue is swept (messages re-sent after an outage, snoozes woken).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InboxSweepEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the inbound e-mail folder is read.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InboundMailEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often completed events are checked for a review request e-mail (sent the day after).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReviewRequestsEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the loyalty program settles: points for paid events, refunds taken back, pending points released, tiers, referrals, challenges.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoyaltySettleEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often saved cards are charged for balances coming due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ChargeBalancesEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>A job that calls the Api on a schedule and never stops the host when one run fails.</summary>
public abstract class ScheduledJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{

    protected abstract TimeSpan DelayUntilNextRun(DateTimeOffset now);

    /// <summary>One run with the Api's internal endpoints (most jobs need nothing else).</summary>
    protected virtual Task RunAsync(InternalClient api, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One run, in a scope of its own: jobs that need other clients resolve them from <paramref name="services"/>.</summary>
    protected virtual Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RunAsync(services.GetRequiredService<InternalClient>(), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(DelayUntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "{Job} failed; it runs again at its next time.", GetType().Name);
            }
        }
    }
}

/// <summary>Every night: what was soft-deleted more than 30 days ago is removed for good.</summary>
public sealed class NightlyPurge(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<NightlyPurge> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now)
    {
        var at = TimeOnly.Parse(options.Value.PurgeAtUtc, System.Globalization.CultureInfo.InvariantCulture);
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return (next > now ? next : next.AddDays(1)) - now;
    }

    protected override async Task RunAsync(InternalClient api, CancellationToken cancellationToken)
    {
        var result = (await api.PurgeAsync(cancellationToken)).OrThrow("the nightly purge");
        logger.LogInformation("Nightly purge: {Result}", result);
    }
}

/// <summary>Hourly: quotes with contact details that were not booked become leads for follow-up.</summary>
public sealed class AbandonedQuoteFollowUp(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<AbandonedQuoteFollowUp> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.QuoteFollowUpEvery;

    protected override async Task RunAsync(InternalClient api, CancellationToken cancellationToken)
    {
        var result = (await api.FollowUpQuotesAsync(cancellationToken)).OrThrow("the quote follow-up");
        logger.LogInformation("Abandoned quotes followed up: {Result}", result);
    }
}

/// <summary>
/// Every few minutes: payments still open are settled from Stripe's own answer (a lost webhook
/// never leaves money unrecorded), then pending bookings whose hold ran out unpaid are released.
/// </summary>
public sealed class PaymentReconciliationJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<PaymentReconciliationJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.ReconcilePaymentsEvery;

    protected override async Task RunAsync(InternalClient api, CancellationToken cancellationToken)
    {
        var reconciled = (await api.ReconcilePaymentsAsync(cancellationToken)).OrThrow("the payment reconciliation");
        var released = (await api.ReleaseHoldsAsync(cancellationToken)).OrThrow("releasing unpaid holds");
        if (reconciled.Changed + released.Changed > 0)
        {
            logger.LogInformation("Payments: {Settled} of {Open} open settled from Stripe; {Released} unpaid holds released.", reconciled.Changed, reconciled.Checked,
                released.Changed);
        }
    }
}

/// <summary>Hourly: the balance of confirmed bookings a few days out is charged to the card saved with the deposit.</summary>
public sealed class BalanceChargeJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<BalanceChargeJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.ChargeBalancesEvery;

    protected override async Task RunAsync(InternalClient api, CancellationToken cancellationToken)
    {
        var result = (await api.ChargeBalancesAsync(cancellationToken)).OrThrow("charging balances");
        if (result.Checked > 0)
        {
            logger.LogInformation("Balances: {Charged} of {Due} charged.", result.Changed, result.Checked);
        }
    }
}
