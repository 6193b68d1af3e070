using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Pay;

/// <summary>
/// A booking's pay page, opened from its pay link (the booking confirmation, e-mails): what is due,
/// a button to Stripe Checkout for the deposit or the balance, invoices, and how else to pay.
/// </summary>
public sealed class IndexModel(PaymentsClient payments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Cancelled { get; set; }

    public BookingPaymentsDto? Money { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, PaymentPurpose purpose, CancellationToken cancellationToken)
    {
        var checkout = await payments.CheckoutAsync(new CheckoutSessionRequest(id, purpose, Token), cancellationToken);
        if (checkout.Succeeded)
        {
            return Redirect(checkout.Value!.Url);
        }

        ModelState.AddModelError(string.Empty, checkout.Problem.Message);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await payments.ForBookingAsync(id, Token, cancellationToken);
        if (result.Status == System.Net.HttpStatusCode.NotFound)
        {
            return NotFound();
        }

        Money = result.Value;
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Problem.Message);
        }

        return Page();
    }
}
