using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Loyalty;

/// <summary>
/// What the caller's tier gives them in booking and pricing, read once per request (the middleware
/// below loads a signed-in customer's tier; everyone else is Bronze): Silver and up book with half the
/// station's minimum notice, Gold and up get the setup upgrade (garlic butter fried rice) free, and
/// Platinum customers may choose their chef.
/// </summary>
public sealed class LoyaltyPerks(IHttpContextAccessor accessor)
{
    public const string FreeUpgradeCode = "fried_rice_upgrade";

    private const string ItemKey = "loyalty.tier";

    public LoyaltyTier Tier => accessor.HttpContext?.Items[ItemKey] as LoyaltyTier? ?? LoyaltyTier.Bronze;

    public bool PriorityBooking => Tier >= LoyaltyTier.Silver;

    public bool FreeSetupUpgrade => Tier >= LoyaltyTier.Gold;

    public bool ChefChoice => Tier >= LoyaltyTier.Platinum;

    /// <summary>The notice a booking needs at this station for this caller.</summary>
    public int NoticeHours(int stationNoticeHours) => PriorityBooking ? stationNoticeHours / 2 : stationNoticeHours;

    /// <summary>The price sheet as this caller pays it: the setup upgrade at no charge for Gold and up.</summary>
    public PriceSheet Apply(PriceSheet sheet) => FreeSetupUpgrade
        ? sheet with { MenuItems = sheet.MenuItems.Select(i => i.Code == FreeUpgradeCode ? i with { PriceCents = 0 } : i).ToList() }
        : sheet;

    /// <summary>Loads a signed-in customer's tier for the request (one query by primary key); nothing for anyone else.</summary>
    public static async Task LoadAsync(HttpContext context, RequestDelegate next)
    {
        var scope = context.RequestServices.GetRequiredService<AccessScope>();
        if (scope.Kind == ScopeKind.Customer && scope.CustomerId is { } customerId && context.Request.Path.StartsWithSegments("/api"))
        {
            var db = context.RequestServices.GetRequiredService<HibachiDbContext>();
            var tier = await db.LoyaltyAccounts.AsNoTracking().Where(a => a.CustomerId == customerId)
                .Select(a => (LoyaltyTier?)a.Tier).FirstOrDefaultAsync(context.RequestAborted);
            if (tier is { } found)
            {
                context.Items[ItemKey] = found;
            }
        }

        await next(context);
    }
}
