using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Book;

public sealed class DoneModel : PageModel
{
    public BookingDto? Booking { get; private set; }

    public void OnGet()
    {
        if (TempData["Booking"] is string json)
        {
            Booking = JsonSerializer.Deserialize<BookingDto>(json, ApiClient.Json);
        }
    }
}
