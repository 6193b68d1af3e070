using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Pages.Account.Bookings;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public IReadOnlyList<BookingSummary> Bookings { get; private set; } = [];

    public bool Confirmed { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Confirmed = User.HasClaim(c => c.Type == "customer_id") || !User.IsInRole("CUSTOMER");
        var result = await api.BookingsAsync("pageSize=50&sort=startsAt", cancellationToken);
        Bookings = result.Value?.Items ?? [];
        Problem = result.Succeeded ? null : result.Problem?.Message;
    }
}
