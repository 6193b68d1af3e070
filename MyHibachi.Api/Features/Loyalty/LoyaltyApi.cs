using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Loyalty;

public static class LoyaltyApi
{
    public static IServiceCollection AddLoyalty(this IServiceCollection services)
    {
        services.AddOptions<LoyaltyOptions>().BindConfiguration(LoyaltyOptions.Section);
        return services.AddScoped<LoyaltyPerks>().AddScoped<LoyaltyService>().AddScoped<LoyaltySettlement>().AddScoped<LoyaltyCampaigns>();
    }

    public static IEndpointRouteBuilder MapLoyaltyApi(this IEndpointRouteBuilder app)
    {
        var loyalty = app.MapGroup("/api/v1/loyalty").WithTags("Loyalty").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api);
        loyalty.MapGet("/tiers", () => LoyaltyRules.Tiers).WithName("LoyaltyTiers").AllowAnonymous()
            .WithSummary("The tiers: points earned in 365 days each needs, its multiplier and benefits");
        loyalty.MapGet("/me", (LoyaltyService service, CancellationToken ct) => service.MineAsync(ct).ToOk()).WithName("MyLoyalty").RequireAuthorization()
            .WithSummary("The signed-in customer's balance (available and pending), tier, benefits, referral code and badges");
        loyalty.MapGet("/me/history", (int? page, int? pageSize, LoyaltyService service, CancellationToken ct) => service.HistoryAsync(null, page, pageSize, ct).ToOk())
            .WithName("MyLoyaltyHistory").RequireAuthorization().WithSummary("Every movement of the customer's points, newest first");
        loyalty.MapPost("/redeem", (RedeemPointsRequest request, LoyaltyService service, CancellationToken ct) => service.RedeemAsync(request, ct).ToOk())
            .WithName("RedeemPoints").RequireAuthorization().ProducesValidationProblem()
            .WithSummary("Spend points on an upcoming booking (100 points = $10, never more than is due): a line in its ledger");
        loyalty.MapGet("/referrals", (LoyaltyService service, CancellationToken ct) => service.ReferralsAsync(null, ct).ToOk())
            .WithName("MyReferrals").RequireAuthorization().WithSummary("The friends who came with the customer's code, and what became of each");
        loyalty.MapPost("/referrals/claim", (ClaimReferralRequest request, LoyaltyService service, CancellationToken ct) => service.ClaimReferralAsync(request, ct).ToOk())
            .WithName("ClaimReferral").RequireAuthorization().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A new customer names the friend who referred them: the welcome offer at once, the friend's reward after the first party");

        var staff = app.MapGroup("/api/v1/loyalty").WithTags("Loyalty (staff)").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).RequireStaff();
        staff.MapGet("/customers/{id:guid}", (Guid id, LoyaltyService service, CancellationToken ct) => service.CustomerSummaryAsync(id, ct).ToOk())
            .WithName("CustomerLoyalty").RequirePermission(Permissions.CustomersRead).WithSummary("A customer's loyalty standing");
        staff.MapGet("/customers/{id:guid}/history", (Guid id, int? page, int? pageSize, LoyaltyService service, CancellationToken ct) => service.HistoryAsync(id, page, pageSize, ct).ToOk())
            .WithName("CustomerLoyaltyHistory").RequirePermission(Permissions.CustomersRead).WithSummary("A customer's points history");
        staff.MapGet("/customers/{id:guid}/referrals", (Guid id, LoyaltyService service, CancellationToken ct) => service.ReferralsAsync(id, ct).ToOk())
            .WithName("CustomerReferrals").RequirePermission(Permissions.CustomersRead).WithSummary("A customer's referrals");
        staff.MapPost("/customers/{id:guid}/adjust", (Guid id, LoyaltyAdjustmentRequest request, LoyaltyService service, CancellationToken ct) => service.AdjustAsync(id, request, ct).ToOk())
            .WithName("AdjustPoints").RequirePermission(Permissions.LoyaltyManage).ProducesValidationProblem()
            .WithSummary("Add or take points with a reason (audited)");
        staff.MapGet("/campaigns", (LoyaltyCampaigns campaigns, CancellationToken ct) => campaigns.ListAsync(ct))
            .WithName("LoyaltyCampaigns").RequirePermission(Permissions.LoyaltyManage).WithSummary("Challenges and seasonal multipliers");
        staff.MapPost("/campaigns", (SaveLoyaltyCampaignRequest request, LoyaltyCampaigns campaigns, CancellationToken ct) => campaigns.SaveAsync(null, request, ct).ToOk())
            .WithName("CreateLoyaltyCampaign").RequirePermission(Permissions.LoyaltyManage).ProducesValidationProblem()
            .WithSummary("Start a challenge (\"book 3 parties, get 300 points and a badge\") or a seasonal multiplier");
        staff.MapPut("/campaigns/{id:guid}", (Guid id, SaveLoyaltyCampaignRequest request, LoyaltyCampaigns campaigns, CancellationToken ct) => campaigns.SaveAsync(id, request, ct).ToOk())
            .WithName("UpdateLoyaltyCampaign").RequirePermission(Permissions.LoyaltyManage).ProducesValidationProblem().WithSummary("Change or stop a campaign");

        app.MapPost("/api/internal/loyalty/settle", (LoyaltySettlement settlement, CancellationToken ct) => settlement.SettleAsync(ct))
            .WithTags("Internal (workers)").WithName("SettleLoyalty").RequireRateLimiting(RateLimitPolicies.Api).RequirePermission(Permissions.InternalAccess)
            .WithSummary("Earn, reverse, release, tiers, referrals and challenges: one run of the program's own work");
        return app;
    }
}

/// <summary>Challenges and seasonal multipliers, as admins set them up.</summary>
public sealed class LoyaltyCampaigns(HibachiDbContext db, TimeProvider clock)
{
    public static LoyaltyCampaignDto ToDto(LoyaltyCampaign c) =>
        new(c.Id, c.Kind.ToContract(), c.Name, c.StartsOn, c.EndsOn, c.Multiplier, c.TargetEvents, c.BonusPoints, c.Badge, c.IsActive);

    public async Task<IReadOnlyList<LoyaltyCampaignDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.LoyaltyCampaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<Result<LoyaltyCampaignDto>> SaveAsync(Guid? id, SaveLoyaltyCampaignRequest request, CancellationToken cancellationToken)
    {
        var campaign = id is { } existing ? await db.LoyaltyCampaigns.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken) : null;
        if (id is not null && campaign is null)
        {
            return Failure.NotFound("Campaign");
        }

        var errors = new ValidationErrors();
        var kind = errors.Member("kind", request.Kind, EnumMappings.ToEntity) ?? campaign?.Kind;
        if (kind is null)
        {
            errors.Add("kind", "SeasonalMultiplier or Challenge.");
        }

        errors.Required("name", request.Name, 120, "The name");
        errors.MaxLength("badge", request.Badge, 60);
        if (request.StartsOn is null || request.EndsOn is null || request.EndsOn < request.StartsOn)
        {
            errors.Add("endsOn", "A campaign runs from startsOn to endsOn (inclusive), the end not before the start.");
        }

        if (kind == LoyaltyCampaignKind.SeasonalMultiplier && request.Multiplier is not (> 1m and <= 5m))
        {
            errors.Add("multiplier", "A seasonal multiplier is more than 1 and at most 5 (2 = double points).");
        }

        if (kind == LoyaltyCampaignKind.Challenge)
        {
            if (request.TargetEvents is not (>= 1 and <= 50))
            {
                errors.Add("targetEvents", "How many completed parties the challenge needs (1 to 50).");
            }

            if (request.BonusPoints is not (>= 1 and <= 100_000))
            {
                errors.Add("bonusPoints", "The bonus, in points (1 to 100000).");
            }
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        if (campaign is null)
        {
            campaign = new LoyaltyCampaign { Name = "", CreatedAt = now };
            db.LoyaltyCampaigns.Add(campaign);
        }

        campaign.Kind = kind!.Value;
        campaign.Name = request.Name!.Trim();
        campaign.StartsOn = request.StartsOn!.Value;
        campaign.EndsOn = request.EndsOn!.Value;
        campaign.Multiplier = kind == LoyaltyCampaignKind.SeasonalMultiplier ? request.Multiplier!.Value : 1m;
        campaign.TargetEvents = kind == LoyaltyCampaignKind.Challenge ? request.TargetEvents!.Value : 0;
        campaign.BonusPoints = kind == LoyaltyCampaignKind.Challenge ? request.BonusPoints!.Value : 0;
        campaign.Badge = string.IsNullOrWhiteSpace(request.Badge) ? null : request.Badge.Trim();
        campaign.IsActive = request.IsActive ?? true;
        campaign.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(campaign);
    }
}
