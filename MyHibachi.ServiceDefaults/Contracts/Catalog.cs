namespace MyHibachi.Contracts;

public sealed record MenuItemDto(
    string Code, string Name, string? Description, MenuCategory Category, PricingUnit Unit, long PriceCents,
    IReadOnlyList<string> Allergens, IReadOnlyList<string> DietaryTags);

public sealed record PriceListDto(
    long AdultCents, long ChildCents, long PartyMinimumCents, int TravelFreeMiles, long TravelCentsPerMile,
    long DepositCents, int GratuityPercent, int MaxGuests);

public sealed record MenuDto(PriceListDto Prices, IReadOnlyList<MenuItemDto> Items);

/// <summary>A menu choice: an item's code and how many (portions or orders).</summary>
public sealed record SelectionDto(string Code, int Quantity);

public sealed record PriceLineDto(string Code, string Description, int Quantity, long UnitCents, long TotalCents);

/// <summary>What the customer pays, line by line, in integer cents.</summary>
public sealed record PricingDto(
    IReadOnlyList<PriceLineDto> Lines, long FoodSubtotalCents, long TravelFeeCents, long TotalCents, long DepositCents,
    long BalanceDueCents, int GratuityPercent, long SuggestedGratuityCents, double DistanceMiles);
