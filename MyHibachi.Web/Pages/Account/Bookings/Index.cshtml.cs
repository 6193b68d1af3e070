using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Account.Bookings;

public sealed class IndexModel(BookingsClient api) : PageModel
{
    public IReadOnlyList<BookingSummaryDto> Bookings { get; private set; } = [];

    public bool Confirmed { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Confirmed = User.HasClaim(c => c.Type == ClaimNames.Customer) || !User.IsInRole(Roles.Customer);
        var result = await api.ListAsync(new BookingListQuery(PageSize: 50, Sort: "startsAt"), cancellationToken);
        Bookings = result.Value?.Items ?? [];
        Problem = result.Succeeded ? null : result.Problem?.Message;
    }
}
