using Microsoft.Extensions.Caching.Memory;

namespace MyHibachi.Web.Infrastructure;

/// <summary>How to reach each station (name, phone, e-mail), for the footer and the contact page; read from the Api once a minute.</summary>
public sealed class BusinessContacts(CatalogClient catalog, IMemoryCache cache)
{
    public sealed record Contact(string Name, string? Phone, string? Email)
    {
        public string City => StationNames.City(Name);

        public string? PhoneLink => Phone is null ? null : "tel:" + new string(Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
    }

    public async Task<IReadOnlyList<Contact>> StationsAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync("site:contacts", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var stations = await catalog.StationsAsync(cancellationToken);
            if (stations.Value is null)
            {
                // Not cached: the next page asks again.
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1);
                return [];
            }

            return stations.Value.Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new Contact(s.Name, s.Phone, s.Email)).ToList();
        }) ?? [];
}
