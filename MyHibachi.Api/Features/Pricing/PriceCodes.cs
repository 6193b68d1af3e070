namespace MyHibachi.Api.Features.Pricing;

/// <summary>The price_items rows the pricing engine reads.</summary>
public static class PriceCodes
{
    public const string AdultPrice = "adult_price";
    public const string ChildPrice = "child_price";
    public const string PartyMinimum = "party_minimum";
    public const string TravelFreeMiles = "travel_free_miles";
    public const string TravelPerMile = "travel_per_mile";
    public const string Deposit = "deposit";
    public const string GratuityPercent = "gratuity_percent";
    public const string MaxGuests = "max_guests";

    public static readonly string[] All = [AdultPrice, ChildPrice, PartyMinimum, TravelFreeMiles, TravelPerMile, Deposit, GratuityPercent, MaxGuests];
}
