using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Leads;

/// <summary>The lead queue, 25 to a page, newest attempt first, with times in each lead's kitchen's zone.</summary>
public sealed class IndexModel(LeadsClient api, CatalogClient catalog) : PageModel
{
    public const int PageSize = 25;

    public LeadStatus? Status { get; private set; }

    public LeadSource? Source { get; private set; }

    public LeadReason? Reason { get; private set; }

    public string? Q { get; private set; }

    public bool Mine { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public PagedList<LeadDto>? Result { get; private set; }

    public IReadOnlyDictionary<Guid, StationDto> Stations { get; private set; } = new Dictionary<Guid, StationDto>();

    public async Task OnGetAsync(LeadStatus? status, LeadSource? source, string? q, bool? mine, int? p, CancellationToken cancellationToken)
    {
        (Status, Source, Q, Mine, PageNumber) = (status, source, q, mine == true, Math.Max(1, p ?? 1));
        var result = await api.ListAsync(new LeadListQuery(Page: PageNumber, PageSize: PageSize, Status: status, Source: source, Q: q, Mine: mine == true ? true : null), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken, includeInactive: true)).Value).ToDictionary(s => s.Id);
    }

    public string PageLink(int page) => "?" + PageHelpers.Query(("status", Status), ("source", Source), ("q", Q), ("mine", Mine ? "true" : null), ("p", page));

    /// <summary>When, in the lead's kitchen's zone ("Wed, Dec 2 at 12:48 AM ET"); the first kitchen's for a lead no kitchen took.</summary>
    public string When(LeadDto lead, DateTimeOffset at) =>
        PageHelpers.Local(at, (lead.StationId is { } id && Stations.TryGetValue(id, out var station) ? station : Stations.Values.FirstOrDefault())?.TimeZone ?? "UTC");

    /// <summary>What the lead left besides contact details: the ZIP, the party size, the date wanted.</summary>
    public static string Facts(LeadDto lead) => string.Join(" · ", new[]
    {
        lead.Details.TryGetValue("zip", out var zip) ? $"ZIP {zip}" : null,
        lead.Details.TryGetValue("guests", out var guests) ? $"{guests} guests" : null,
        lead.Details.TryGetValue("eventDate", out var date) && DateOnly.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, out var day) ? PageHelpers.Date(day) : null,
    }.Where(f => f is not null));
}
