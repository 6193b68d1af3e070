using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Book;

public sealed class DoneModel(PaymentsClient payments) : PageModel
{
    public BookingDto? Booking { get; private set; }

    /// <summary>The booking's money and how it can be paid (read with the pay token the booking came back with).</summary>
    public BookingPaymentsDto? Money { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData["Booking"] is string json)
        {
            Booking = JsonSerializer.Deserialize<BookingDto>(json, ApiClient.Json);
        }

        if (Booking is { PayToken: { } token })
        {
            Money = (await payments.ForBookingAsync(Booking.Id, token, cancellationToken)).Value;
        }
    }
}
