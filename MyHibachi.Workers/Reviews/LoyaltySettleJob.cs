using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Workers.Jobs;

namespace MyHibachi.Workers.Reviews;

/// <summary>Every ten minutes: the loyalty program's own work (the Api does it; each step is safe to repeat).</summary>
public sealed class LoyaltySettleJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<LoyaltySettleJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.LoyaltySettleEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = (await services.GetRequiredService<LoyaltyClient>().SettleAsync(cancellationToken)).OrThrow("the loyalty settlement");
        if (result is not { Earned: 0, Released: 0, Reversed: 0, TiersChanged: 0, ReferralsDecided: 0, BonusesGiven: 0 })
        {
            logger.LogInformation("Loyalty: {Earned} earned, {Released} released, {Reversed} reversed, {Tiers} tiers changed, {Referrals} referrals decided, {Bonuses} bonuses.",
                result.Earned, result.Released, result.Reversed, result.TiersChanged, result.ReferralsDecided, result.BonusesGiven);
        }
    }
}
