namespace MyHibachi.Web.Models;

/// <summary>
/// Why a party that failed to price cannot be booked online, and the way forward: an address
/// outside every kitchen's area (leave your details) or more guests than the online maximum (ask
/// for a custom quote). Null when the party simply has a mistake to correct.
/// </summary>
public sealed record OnlineLimits(bool OutOfArea, bool TooLarge, string? Zip, int Guests, int MaxGuests)
{
    public string AreaLink => $"/Request?reason=area&Input.Zip={Uri.EscapeDataString(Zip ?? "")}";

    public string LargePartyLink => $"/Request?reason=large&Input.Guests={Guests}&Input.Zip={Uri.EscapeDataString(Zip ?? "")}";

    public static async Task<OnlineLimits?> CheckAsync(CatalogClient catalog, PartyInput party, MenuDto? menu, bool zipRejected, CancellationToken cancellationToken)
    {
        var guests = (party.Adults ?? 0) + (party.Children ?? 0);
        var max = menu?.Prices.MaxGuests ?? int.MaxValue;
        var outOfArea = zipRejected && !string.IsNullOrWhiteSpace(party.Zip)
            && (await catalog.ServiceAreaAsync(party.Zip, cancellationToken)).Value is { Serviceable: false, StationId: not null };
        return outOfArea || guests > max ? new OnlineLimits(outOfArea, guests > max, party.Zip, guests, max) : null;
    }
}
