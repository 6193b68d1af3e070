using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Calendars;

/// <summary>
/// A chef's private calendar feed (ICS), at the address their calendar app subscribes to: passed through from the
/// Api, which checks the link's token. Never cached by shared caches (it holds customers' names and addresses).
/// </summary>
[AllowAnonymous]
public sealed class FeedModel(GoogleClient api) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid chefId, string token, CancellationToken cancellationToken)
    {
        var feed = await api.FeedAsync(chefId, token, cancellationToken);
        if (!feed.Succeeded || feed.Value is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=300";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(feed.Value.Content, "text/calendar; charset=utf-8", "bookings.ics");
    }
}
