using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account.Bookings;

public sealed class DetailModel(BookingsClient bookings, CatalogClient catalog, PaymentsClient payments, LoyaltyClient loyalty) : PageModel
{
    /// <summary>The customer's points, to offer spending them on this booking.</summary>
    public LoyaltySummaryDto? Points { get; private set; }

    /// <summary>The most points this booking can take now (hundreds, within the balance and what is due).</summary>
    public int MaxRedeemable => Points is { } p && Money is { } m
        ? (int)Math.Min(Math.Max(0, p.Available) / p.PointsPerRedemption, m.Summary.DueCents / p.CentsPerRedemption) * p.PointsPerRedemption
        : 0;

    public async Task<IActionResult> OnPostRedeemAsync(Guid id, int points, CancellationToken cancellationToken)
    {
        var result = await loyalty.RedeemAsync(new RedeemPointsRequest(id, points), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = $"{result.Value!.Points} points took {PageHelpers.Money(result.Value.AmountCents)} off this party.";
            return RedirectToPage(new { id });
        }

        ModelState.AddApiProblem(result.Problem, "Redeem");
        return await LoadAsync(id, cancellationToken);
    }

    public BookingDto? Booking { get; private set; }

    /// <summary>What is paid and due, the ledger, invoices and what cancelling now would refund.</summary>
    public BookingPaymentsDto? Money { get; private set; }

    public string? ETag { get; private set; }

    public int CutoffHours { get; private set; } = 72;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostPayAsync(Guid id, PaymentPurpose purpose, CancellationToken cancellationToken)
    {
        var checkout = await payments.CheckoutAsync(new CheckoutSessionRequest(id, purpose), cancellationToken);
        if (checkout.Succeeded)
        {
            return Redirect(checkout.Value!.Url);
        }

        ModelState.AddApiProblem(checkout.Problem, "Pay");
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var result = await bookings.CancelAsync(id, reason, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Your booking is cancelled.";
            return RedirectToPage(new { id });
        }

        ModelState.AddApiProblem(result.Problem, "Cancel");
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await bookings.GetAsync(id, cancellationToken);
        if (result.Status == System.Net.HttpStatusCode.NotFound)
        {
            return NotFound();
        }

        Booking = result.Value;
        ETag = result.ETag;
        Money = (await payments.ForBookingAsync(id, null, cancellationToken)).Value;
        Points = User.IsInRole(Roles.Customer) ? (await loyalty.MineAsync(cancellationToken)).Value : null;
        if (Booking is not null && (await catalog.StationAsync(Booking.StationId, cancellationToken)).Value is { } station)
        {
            CutoffHours = station.CustomerChangeCutoffHours;
        }

        return Page();
    }
}
