using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Features.Catalog;

public sealed record MenuItemDto(
    string Code, string Name, string? Description, MenuCategory Category, PricingUnit Unit, long PriceCents,
    IReadOnlyList<string> Allergens, IReadOnlyList<string> DietaryTags);

public sealed record PriceListDto(
    long AdultCents, long ChildCents, long PartyMinimumCents, int TravelFreeMiles, long TravelCentsPerMile,
    long DepositCents, int GratuityPercent, int MaxGuests);

public sealed record MenuDto(PriceListDto Prices, IReadOnlyList<MenuItemDto> Items);
