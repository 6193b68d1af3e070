using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Reviews;

/// <summary>
/// A review photo at one width, from the Api as the visitor (a published one for anyone; the author's
/// own while it waits). The bytes never change, so a published photo is cached for a year.
/// </summary>
public sealed class PhotoModel(ReviewsClient api) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int width, string? token, CancellationToken cancellationToken)
    {
        var photo = await api.PhotoAsync(id, width, cancellationToken, token);
        if (!photo.Succeeded || photo.Value is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = photo.Value.CacheControl ?? "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(photo.Value.Content, "image/jpeg");
    }
}
