using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Invoices;

/// <summary>An invoice PDF, fetched from the Api as the visitor (signed in, or with the booking's pay token) and shown in the browser.</summary>
public sealed class DownloadModel(PaymentsClient payments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        var file = await payments.InvoicePdfAsync(id, token, cancellationToken);
        if (!file.Succeeded || file.Value is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        Response.Headers.ContentDisposition = $"inline; filename=\"{file.Value.FileName ?? $"invoice-{id}.pdf"}\"";
        return File(file.Value.Content, file.Value.ContentType);
    }
}
