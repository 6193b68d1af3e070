using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Pages.Book;

public sealed class DoneModel : PageModel
{
    public Booking? Booking { get; private set; }

    public void OnGet()
    {
        if (TempData["Booking"] is string json)
        {
            Booking = JsonSerializer.Deserialize<Booking>(json, HibachiApi.Json);
        }
    }
}
