using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Pricing;

/// <summary>Every price with its bounds; change one with a reason; every change in the history below.</summary>
public sealed class IndexModel(PricingClient pricing) : PageModel
{
    public IReadOnlyList<PriceItemDto> Prices { get; private set; } = [];

    public PagedList<PriceChangeDto>? History { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? HistoryPage { get; set; }

    /// <summary>The price whose form failed, so its typed values and errors stay on screen.</summary>
    public Guid? Editing { get; private set; }

    public string? TypedValue { get; private set; }

    public string? TypedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.PricingManage))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? value, string? unit, string? reason, CancellationToken cancellationToken)
    {
        // Money is typed in dollars; counts, miles and percents as they are.
        long? parsed = unit is "cents" or "cents_per_mile" ? PageHelpers.Cents(value) : long.TryParse(value, out var plain) ? plain : (long?)null;
        if (parsed is null)
        {
            ModelState.AddModelError("Price.Value", unit is "cents" or "cents_per_mile" ? "Enter dollars and cents, e.g. 65 or 65.50." : "Enter a whole number.");
        }
        else
        {
            var result = await pricing.UpdateAsync(id, new PriceUpdateRequest(parsed, reason), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = $"{result.Value!.Name} is now {Show(result.Value.Value, result.Value.Unit)}.";
                return RedirectToPage();
            }

            ModelState.AddApiProblem(result.Problem, "Price");
        }

        (Editing, TypedValue, TypedReason) = (id, value, reason);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var prices = await pricing.ListAsync(cancellationToken);
        Prices = prices.Value ?? [];
        History = (await pricing.HistoryAsync(new PriceHistoryQuery(HistoryPage, 20), cancellationToken)).Value;
        if (!prices.Succeeded)
        {
            ModelState.AddApiProblem(prices.Problem);
        }
    }

    public static string Show(long value, string unit) => unit switch
    {
        "cents" => PageHelpers.Money(value),
        "cents_per_mile" => PageHelpers.Money(value) + " per mile",
        "percent" => $"{value}%",
        _ => $"{value} {unit}",
    };

    public static string Input(long value, string unit) => unit is "cents" or "cents_per_mile" ? PageHelpers.Dollars(value) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
