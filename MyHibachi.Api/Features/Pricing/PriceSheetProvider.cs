using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;

namespace MyHibachi.Api.Features.Pricing;

/// <summary>Reads the current prices from the database (the only source of prices) into a <see cref="PriceSheet"/>.</summary>
public sealed class PriceSheetProvider(HibachiDbContext db, Loyalty.LoyaltyPerks perks)
{
    public async Task<PriceSheet> CurrentAsync(CancellationToken cancellationToken)
    {
        // Both tables in one round trip: every quote and booking reads the whole sheet, and it is never
        // cached, so a price changed in the database applies to the very next quote.
        var rows = await db.Database.SqlQuery<PriceSheetRow>(
            $"""
             SELECT FALSE AS is_menu, code, value, NULL AS name, NULL AS category, NULL AS unit, 0 AS sort_order FROM price_items
             UNION ALL
             SELECT TRUE, code, price_cents, name, category, unit, sort_order FROM menu_items WHERE is_active
             ORDER BY sort_order, name
             """).ToListAsync(cancellationToken);
        var prices = rows.Where(r => !r.IsMenu).ToDictionary(r => r.Code, r => r.Value);
        var missing = PriceCodes.All.Where(code => !prices.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The price list is missing {string.Join(", ", missing)}; run the database seed.");
        }

        var menu = rows.Where(r => r.IsMenu)
            .Select(r => new MenuPrice(r.Code, r.Name!, Enum.Parse<MenuCategory>(r.Category!), Enum.Parse<PricingUnit>(r.Unit!), r.Value))
            .ToList();

        // A customer's tier may make an item free for them (Gold's setup upgrade).
        return perks.Apply(new PriceSheet(
            AdultCents: prices[PriceCodes.AdultPrice],
            ChildCents: prices[PriceCodes.ChildPrice],
            PartyMinimumCents: prices[PriceCodes.PartyMinimum],
            TravelFreeMiles: (int)prices[PriceCodes.TravelFreeMiles],
            TravelCentsPerMile: prices[PriceCodes.TravelPerMile],
            DepositCents: prices[PriceCodes.Deposit],
            GratuityPercent: (int)prices[PriceCodes.GratuityPercent],
            MaxGuests: (int)prices[PriceCodes.MaxGuests],
            MenuItems: menu));
    }
}

/// <summary>One row of either price table, as the single query of <see cref="PriceSheetProvider"/> returns it.</summary>
public sealed record PriceSheetRow(bool IsMenu, string Code, long Value, string? Name, string? Category, string? Unit, int SortOrder);
