using Microsoft.AspNetCore.Mvc;

namespace MyHibachi.Web.Pages.Admin.Marketing;

/// <summary>The marketing overview: spend against real bookings, pacing, open CPA alerts, the recommendations and each source's state.</summary>
public sealed class IndexModel(MarketingClient api) : MarketingPage(api)
{
    public MarketingOverviewDto? Overview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = Take(await Api.OverviewAsync(Query, cancellationToken));
        Range = Overview?.Range;
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        var result = await Api.RefreshRecommendationsAsync(cancellationToken);
        TempData["Flash"] = result.Succeeded ? $"Analysed again: {result.Value!.Count} recommendations." : result.Problem?.Message;
        return RedirectToPage(new { From, To });
    }

    public async Task<IActionResult> OnPostDemoAsync(CancellationToken cancellationToken)
    {
        var result = await Api.LoadDemoAsync(cancellationToken);
        TempData["Flash"] = result.Succeeded
            ? "Demo data loaded into " + string.Join(", ", result.Value!.Where(s => s.Demo).Select(s => s.Title)) + " (sources with real numbers are left alone)."
            : result.Problem?.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveDemoAsync(CancellationToken cancellationToken)
    {
        var result = await Api.RemoveDemoAsync(cancellationToken);
        TempData["Flash"] = result.Succeeded ? "Demo data removed." : result.Problem?.Message;
        return RedirectToPage();
    }
}
