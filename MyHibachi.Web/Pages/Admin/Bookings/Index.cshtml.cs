using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Bookings;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public sealed class BookingFilter
    {
        public Guid? StationId { get; set; }

        public string? Status { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public string? Q { get; set; }

        // "page" is Razor Pages' own route value; the page number travels as "p".
        [ModelBinder(Name = "p")]
        public int Page { get; set; } = 1;
    }

    [BindProperty(SupportsGet = true)]
    public BookingFilter Query { get; set; } = new();

    public IReadOnlyList<BookingSummary> Bookings { get; private set; } = [];

    public IReadOnlyList<Station> Stations { get; private set; } = [];

    public Paged<BookingSummary>? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Stations = (await api.StationsAsync(cancellationToken)).Value ?? [];
        Query.From ??= DateOnly.FromDateTime(DateTime.UtcNow);
        var result = await api.BookingsAsync(PageQuery(Query.Page, forApi: true) + "&pageSize=25", cancellationToken);
        Bookings = result.Value?.Items ?? [];
        Result = result.Value;
        Problem = result.Succeeded ? null : result.Problem?.Message;
    }

    public string PageQuery(int page, bool forApi = false) => PageHelpers.Query(
        ("stationId", Query.StationId), ("status", Query.Status),
        ("from", Query.From is { } from ? from.ToString("yyyy-MM-dd") + (forApi ? "T00:00:00Z" : "") : null),
        ("to", Query.To is { } to ? to.ToString("yyyy-MM-dd") + (forApi ? "T23:59:59Z" : "") : null),
        ("q", Query.Q), (forApi ? "page" : "p", page));
}
