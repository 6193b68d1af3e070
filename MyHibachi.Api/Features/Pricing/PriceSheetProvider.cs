using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;

namespace MyHibachi.Api.Features.Pricing;

/// <summary>Reads the current prices from the database (the only source of prices) into a <see cref="PriceSheet"/>.</summary>
public sealed class PriceSheetProvider(HibachiDbContext db)
{
    public async Task<PriceSheet> CurrentAsync(CancellationToken cancellationToken)
    {
        var prices = await db.PriceItems.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Value, cancellationToken);
        var missing = PriceCodes.All.Where(code => !prices.ContainsKey(code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The price list is missing {string.Join(", ", missing)}; run the database seed.");
        }

        var menu = await db.MenuItems.AsNoTracking()
            .Where(m => m.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
            .Select(m => new MenuPrice(m.Code, m.Name, m.Category, m.Unit, m.PriceCents))
            .ToListAsync(cancellationToken);

        return new PriceSheet(
            AdultCents: prices[PriceCodes.AdultPrice],
            ChildCents: prices[PriceCodes.ChildPrice],
            PartyMinimumCents: prices[PriceCodes.PartyMinimum],
            TravelFreeMiles: (int)prices[PriceCodes.TravelFreeMiles],
            TravelCentsPerMile: prices[PriceCodes.TravelPerMile],
            DepositCents: prices[PriceCodes.Deposit],
            GratuityPercent: (int)prices[PriceCodes.GratuityPercent],
            MaxGuests: (int)prices[PriceCodes.MaxGuests],
            MenuItems: menu);
    }
}
