using MyHibachi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Bookings;

public sealed class IndexModel(CatalogClient catalog, BookingsClient bookings, TimeProvider clock) : PageModel
{
    public sealed class BookingFilter
    {
        public Guid? StationId { get; set; }

        public BookingStatus? Status { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public string? Q { get; set; }

        // "page" is Razor Pages' own route value; the page number travels as "p".
        [ModelBinder(Name = "p")]
        public int Page { get; set; } = 1;
    }

    [BindProperty(SupportsGet = true)]
    public BookingFilter Query { get; set; } = new();

    public IReadOnlyList<BookingSummaryDto> Bookings { get; private set; } = [];

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public PagedList<BookingSummaryDto>? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        Query.From ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var result = await bookings.ListAsync(new BookingListQuery(
            Query.Page, 25, Query.Status, Query.StationId,
            From: Query.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To: Query.To is { } to ? new DateTimeOffset(to.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : null,
            Q: Query.Q), cancellationToken);
        Bookings = result.Value?.Items ?? [];
        Result = result.Value;
        Problem = result.Succeeded ? null : result.Problem?.Message;
    }

    /// <summary>This page's own address for another page number, with the filters kept.</summary>
    public string PageQuery(int page) => PageHelpers.Query(
        ("stationId", Query.StationId), ("status", Query.Status),
        ("from", Query.From?.ToString("yyyy-MM-dd")), ("to", Query.To?.ToString("yyyy-MM-dd")),
        ("q", Query.Q), ("p", page));
}
