using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Marketing;

/// <summary>Link Search Console, Google Ads and GA4 to a Google connection and their property; saving starts a sync.</summary>
public sealed class SourcesModel(MarketingClient api, GoogleClient google) : MarketingPage(api)
{
    public IReadOnlyList<MarketingSourceDto> Sources { get; private set; } = [];

    public IReadOnlyList<GoogleConnectionDto> Connections { get; private set; } = [];

    /// <summary>The source whose form was posted (to show its errors and keep what was typed).</summary>
    public string? Editing { get; private set; }

    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public sealed class SourceInput
    {
        public Guid? ConnectionId { get; set; }

        public string? Property { get; set; }

        public string? LoginCustomerId { get; set; }

        public string? MonthlyBudget { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sources = (await Api.SourcesAsync(cancellationToken)).Value ?? [];
        Connections = (await google.ConnectionsAsync(cancellationToken)).Value ?? [];
    }

    public async Task<IActionResult> OnPostAsync(string source, CancellationToken cancellationToken)
    {
        Editing = source;
        long? budget = null;
        if (!string.IsNullOrWhiteSpace(Input.MonthlyBudget))
        {
            if (decimal.TryParse(Input.MonthlyBudget.Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var dollars) && dollars > 0 && dollars <= 100_000_000)
            {
                budget = (long)Math.Round(dollars * 100, MidpointRounding.AwayFromZero);
            }
            else
            {
                ModelState.AddModelError("Input.MonthlyBudget", "The month's budget in dollars (up to 100,000,000), such as 3000, or empty.");
            }
        }

        if (ModelState.IsValid)
        {
            var result = await Api.SaveSourceAsync(source, new MarketingSourceRequest(Input.ConnectionId, Input.Property, Input.LoginCustomerId, budget), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = $"{result.Value!.Title} is linked: the first sync reads the last 90 days.";
                return Redirect(Url.Page("/Admin/Marketing/Sources") + "#edit-" + source);
            }

            ModelState.AddApiProblem(result.Problem);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }
}
