using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;
using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages;

public sealed class QuoteModel(CatalogClient api) : PageModel
{
    [BindProperty]
    public PartyInput Party { get; set; } = new();

    public MenuDto? Menu { get; private set; }

    public QuoteDto? Quote { get; private set; }

    /// <summary>Set when the party cannot be booked online (outside the area, too many guests), with the way forward.</summary>
    public OnlineLimits? Limits { get; private set; }

    public async Task OnGetAsync(string? zip, CancellationToken cancellationToken)
    {
        Menu = (await api.MenuAsync(cancellationToken)).Value;
        Party.Zip ??= zip is { Length: <= 10 } ? zip : null;
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Menu = (await api.MenuAsync(cancellationToken)).Value;
        await CalculateAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Limits = await OnlineLimits.CheckAsync(api, Party, Menu, ModelState.ContainsKey("Party.Zip"), cancellationToken);
        }
    }

    /// <summary>The price panel alone, for the page's live update as fields change.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await CalculateAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Content($"<div class=\"card muted\" aria-live=\"polite\"><p>{System.Net.WebUtility.HtmlEncode(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)))}</p></div>", "text/html");
        }

        return Partial("_QuoteResult", Quote);
    }

    private async Task CalculateAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // binding errors are re-reported by the Api, field by field
        var result = await api.CalculateQuoteAsync(Party.ToQuote(), cancellationToken);
        if (result.Succeeded)
        {
            Quote = result.Value;
        }
        else
        {
            ModelState.AddApiProblem(Remap(result.Problem), nameof(Party));
        }
    }

    /// <summary>"selections[2].quantity" names the line by position; the form names it by menu code.</summary>
    private ApiProblem? Remap(ApiProblem? problem) => problem?.Errors is null ? problem : problem with
    {
        Errors = problem.Errors
            .GroupBy(e => e.Key.StartsWith("selections", StringComparison.Ordinal) ? "selections" : e.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()),
    };
}
