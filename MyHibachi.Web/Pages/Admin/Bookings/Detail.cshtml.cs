using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Bookings;

public sealed class DetailModel(BookingsClient api, PaymentsClient payments) : PageModel
{
    private static readonly string[] Moves = [BookingActions.Confirm, BookingActions.Complete, BookingActions.NoShow];

    public BookingDto? Booking { get; private set; }

    public IReadOnlyList<AvailableChefDto> FreeChefs { get; private set; } = [];

    /// <summary>The booking's ledger, invoices and refund policy (null for staff who may not see payments).</summary>
    public BookingPaymentsDto? Money { get; private set; }

    public async Task<IActionResult> OnPostRecordPaymentAsync(
        Guid id, string? amount, PaymentMethod? method, PaymentPurpose? purpose, string? reference, string? note, CancellationToken cancellationToken)
    {
        if (PageHelpers.Cents(amount) is not { } cents)
        {
            ModelState.AddModelError("Payment.AmountCents", "Enter the amount in dollars and cents, e.g. 100 or 100.50.");
            return await LoadAsync(id, cancellationToken);
        }

        var result = await payments.RecordManualAsync(id, new ManualPaymentRequest(cents, method, purpose, reference, note), cancellationToken);
        return await AfterAsync(id, result, $"{PageHelpers.Money(cents)} recorded.", cancellationToken, "Payment");
    }

    public async Task<IActionResult> OnPostRefundAsync(
        Guid id, string? amount, string? how, string? reason, bool overridePolicy, CancellationToken cancellationToken)
    {
        long? cents = string.IsNullOrWhiteSpace(amount) ? null : PageHelpers.Cents(amount);
        if (!string.IsNullOrWhiteSpace(amount) && cents is null)
        {
            ModelState.AddModelError("Refund.AmountCents", "Enter the amount in dollars and cents, or leave it empty for the policy amount.");
            return await LoadAsync(id, cancellationToken);
        }

        var result = how is null or "Card"
            ? await payments.RefundAsync(new RefundRequest(id, cents, reason, overridePolicy), cancellationToken)
            : Enum.TryParse<PaymentMethod>(how, out var method)
                ? await payments.RecordManualRefundAsync(id, new ManualRefundRequest(cents, method, reason, overridePolicy), cancellationToken)
                : null;
        return result is null
            ? BadRequest()
            : await AfterAsync(id, result, result.Value is { } refund ? $"{PageHelpers.Money(refund.AmountCents)} refunded." : "", cancellationToken, "Refund");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid chefId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.AssignChefAsync(id, chefId, cancellationToken), "Chef assigned.", cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string action, CancellationToken cancellationToken) =>
        Moves.Contains(action)
            ? await AfterAsync(id, await api.MoveAsync(id, action, cancellationToken), "Booking updated.", cancellationToken)
            : BadRequest();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.CancelAsync(id, reason, cancellationToken), "Booking cancelled.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var result = await api.DeleteAsync(id, reason ?? "", cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Booking deleted; it can be restored from Deleted items for 30 days.";
            return Redirect("/Admin/Bookings");
        }

        ModelState.AddApiProblem(result.Problem);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, ApiResult<T> result, string success, CancellationToken cancellationToken, string prefix = "Input")
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = success;
            return RedirectToPage(new { id });
        }

        ModelState.AddApiProblem(result.Problem, prefix);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.GetAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Booking = result.Value;
        if (User.Can(Permissions.PaymentsRead) || User.Can(Permissions.PaymentsRecord) || User.Can(Permissions.PaymentsRefund))
        {
            Money = (await payments.ForBookingAsync(id, null, cancellationToken)).Value;
        }

        if (User.Can(Permissions.BookingsManage) && Booking!.AllowedActions.Contains(BookingActions.AssignChef))
        {
            FreeChefs = ((await api.AvailableChefsAsync(id, cancellationToken)).Value ?? []).Where(c => c.Id != Booking.ChefId).ToList();
        }

        return Page();
    }
}
