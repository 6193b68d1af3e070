using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Data.Seeding;

/// <summary>
/// The starting price list and menu, seeded in every environment. Only missing rows are added:
/// prices staff have edited are never overwritten.
/// </summary>
public static class ReferenceData
{
    public static IReadOnlyList<PriceItem> Prices =>
    [
        Price(PriceCodes.AdultPrice, "Adult guest", "cents", 6000, 1000, 50000, "Per adult: salad, fried rice, vegetables and two proteins."),
        Price(PriceCodes.ChildPrice, "Child guest (12 and under)", "cents", 3000, 0, 50000, "Per child."),
        Price(PriceCodes.PartyMinimum, "Party minimum", "cents", 60000, 0, 500000, "Food total below this is charged up to it."),
        Price(PriceCodes.TravelFreeMiles, "Free travel radius", "miles", 30, 0, 200, "Miles from the station included free."),
        Price(PriceCodes.TravelPerMile, "Travel fee per mile", "cents_per_mile", 200, 0, 2000, "Per mile beyond the free radius."),
        Price(PriceCodes.Deposit, "Deposit", "cents", 10000, 0, 100000, "Paid to hold the date; deducted from the total."),
        Price(PriceCodes.GratuityPercent, "Suggested gratuity", "percent", 20, 0, 50, "Suggested on the food total; paid to the chef."),
        Price(PriceCodes.MaxGuests, "Largest party booked online", "count", 60, 10, 200, "Bigger parties call us."),
    ];

    public static IReadOnlyList<MenuItem> Menu =>
    [
        Item("chicken", "Hibachi chicken", MenuCategory.Protein, PricingUnit.Included, 0, ["soy", "gluten"], ["halal_on_request"], 10),
        Item("steak", "Hibachi steak", MenuCategory.Protein, PricingUnit.Included, 0, ["soy", "gluten"], [], 11),
        Item("shrimp", "Hibachi shrimp", MenuCategory.Protein, PricingUnit.Included, 0, ["shellfish", "soy", "gluten"], [], 12),
        Item("salmon", "Hibachi salmon", MenuCategory.Protein, PricingUnit.Included, 0, ["fish", "soy", "gluten"], [], 13),
        Item("tofu", "Grilled tofu", MenuCategory.Protein, PricingUnit.Included, 0, ["soy"], ["vegetarian", "vegan"], 14),
        Item("vegetable_medley", "Vegetable medley", MenuCategory.Protein, PricingUnit.Included, 0, [], ["vegetarian", "vegan", "gluten_free"], 15),
        Item("filet_mignon", "Filet mignon upgrade", MenuCategory.ProteinUpgrade, PricingUnit.PerPerson, 500, ["soy", "gluten"], [], 20),
        Item("scallops", "Scallops upgrade", MenuCategory.ProteinUpgrade, PricingUnit.PerPerson, 500, ["shellfish", "soy", "gluten"], [], 21),
        Item("lobster_tail", "Lobster tail upgrade", MenuCategory.ProteinUpgrade, PricingUnit.PerPerson, 1500, ["shellfish", "dairy"], [], 22),
        Item("extra_protein", "Third protein", MenuCategory.AddOn, PricingUnit.PerPerson, 1000, ["soy", "gluten"], [], 30),
        Item("yakisoba_noodles", "Yakisoba noodles", MenuCategory.AddOn, PricingUnit.PerPerson, 500, ["gluten", "soy", "egg", "sesame"], ["vegetarian"], 31),
        Item("gyoza", "Pork gyoza (12 pieces)", MenuCategory.AddOn, PricingUnit.PerOrder, 1200, ["gluten", "soy", "sesame"], [], 32),
        Item("edamame", "Edamame", MenuCategory.AddOn, PricingUnit.PerOrder, 600, ["soy"], ["vegetarian", "vegan", "gluten_free"], 33),
        Item("fried_rice_upgrade", "Garlic butter fried rice", MenuCategory.Side, PricingUnit.PerPerson, 300, ["egg", "soy", "dairy", "gluten"], ["vegetarian"], 40),
    ];

    public static async Task SeedAsync(HibachiDbContext db, CancellationToken cancellationToken)
    {
        var priceCodes = await db.PriceItems.Select(p => p.Code).ToListAsync(cancellationToken);
        db.PriceItems.AddRange(Prices.Where(p => !priceCodes.Contains(p.Code)));
        var menuCodes = await db.MenuItems.Select(m => m.Code).ToListAsync(cancellationToken);
        db.MenuItems.AddRange(Menu.Where(m => !menuCodes.Contains(m.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PriceItem Price(string code, string name, string unit, long value, long min, long max, string description) =>
        new() { Code = code, Name = name, Unit = unit, Value = value, MinValue = min, MaxValue = max, Description = description };

    private static MenuItem Item(string code, string name, MenuCategory category, PricingUnit unit, long cents, List<string> allergens, List<string> diets, int order) =>
        new() { Code = code, Name = name, Category = category, Unit = unit, PriceCents = cents, Allergens = allergens, DietaryTags = diets, SortOrder = order };
}
