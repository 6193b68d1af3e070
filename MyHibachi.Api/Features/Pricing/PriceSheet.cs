namespace MyHibachi.Api.Features.Pricing;

// MenuCategory and PricingUnit are stored in menu_items by name; their contract twins share the names.
public enum MenuCategory
{
    Protein,
    ProteinUpgrade,
    AddOn,
    Side,
}

public enum PricingUnit
{
    /// <summary>Price times the quantity ordered (each quantity is one guest's portion).</summary>
    PerPerson,

    /// <summary>Price times the quantity ordered (a platter, an order).</summary>
    PerOrder,

    /// <summary>Included in the per-guest price; offered as a choice, costs nothing extra.</summary>
    Included,
}

/// <summary>One menu item's price as it stood when a quote or booking was made.</summary>
public sealed record MenuPrice(string Code, string Name, MenuCategory Category, PricingUnit Unit, long PriceCents);

/// <summary>
/// Every price a quote depends on, copied from the database at the moment the quote is made and
/// stored with the quote and its booking, so later price changes never alter them.
/// </summary>
public sealed record PriceSheet(
    long AdultCents,
    long ChildCents,
    long PartyMinimumCents,
    int TravelFreeMiles,
    long TravelCentsPerMile,
    long DepositCents,
    int GratuityPercent,
    int MaxGuests,
    IReadOnlyList<MenuPrice> MenuItems);

public sealed record MenuSelection(string Code, int Quantity);

public sealed record PriceLine(string Code, string Description, int Quantity, long UnitCents, long TotalCents);

/// <summary>What the customer pays, line by line, in integer cents.</summary>
public sealed record PriceBreakdown(
    IReadOnlyList<PriceLine> Lines,
    long FoodSubtotalCents,
    long TravelFeeCents,
    long TotalCents,
    long DepositCents,
    long BalanceDueCents,
    int GratuityPercent,
    long SuggestedGratuityCents,
    double DistanceMiles);

/// <summary>The pricing value objects as the contracts show them.</summary>
public static class PricingMapping
{
    public static SelectionDto ToDto(this MenuSelection selection) => new(selection.Code, selection.Quantity);

    public static IReadOnlyList<SelectionDto> ToDtos(this IEnumerable<MenuSelection> selections) => selections.Select(ToDto).ToList();

    public static PricingDto ToDto(this PriceBreakdown b) => new(
        b.Lines.Select(l => new PriceLineDto(l.Code, l.Description, l.Quantity, l.UnitCents, l.TotalCents)).ToList(),
        b.FoodSubtotalCents, b.TravelFeeCents, b.TotalCents, b.DepositCents, b.BalanceDueCents, b.GratuityPercent,
        b.SuggestedGratuityCents, b.DistanceMiles);
}
