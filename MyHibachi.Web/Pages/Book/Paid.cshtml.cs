using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Book;

/// <summary>
/// Where Stripe sends the payer back. Only Stripe's own word (a signed webhook, or the Api asking
/// Stripe) makes a payment count, so until it arrives this page says "processing" and looks again.
/// </summary>
public sealed class PaidModel(PaymentsClient payments) : PageModel
{
    public PaymentStatusDto? Payment { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? PayLink => Payment is null || Token is null ? null : $"/Pay/{Payment.BookingId}?token={Uri.EscapeDataString(Token)}";

    public async Task<IActionResult> OnGetAsync(Guid? payment, CancellationToken cancellationToken)
    {
        if (payment is null)
        {
            return NotFound();
        }

        var result = await payments.StatusAsync(payment.Value, cancellationToken);
        if (result.Status == System.Net.HttpStatusCode.NotFound)
        {
            return NotFound();
        }

        Payment = result.Value;
        if (Payment?.Status == PaymentAttemptStatus.Open)
        {
            Response.Headers["Refresh"] = "2";
        }

        return Page();
    }
}
