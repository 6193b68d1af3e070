using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Geography;

/// <summary>
/// An event address as it is kept: trimmed, the state upper-cased, the ZIP as five digits. The one
/// place an address from a request is normalised, for new bookings and changed ones alike.
/// </summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string State, string Zip)
{
    /// <summary>The normal form of an address that passed the field checks (line 1, city, state and ZIP present).</summary>
    public static PostalAddress From(AddressDto address) => new(
        address.Line1!.Trim(), Text.Clean(address.Line2), address.City!.Trim(), address.State!.Trim().ToUpperInvariant(),
        ZipCentroids.Normalize(address.Zip) ?? throw new ArgumentException("The ZIP code was not checked.", nameof(address)));
}
