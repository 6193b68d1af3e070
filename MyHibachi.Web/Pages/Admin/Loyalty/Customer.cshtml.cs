using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Loyalty;

/// <summary>One customer's points: standing, history, and an adjustment with a reason (kept in the audit log).</summary>
public sealed class CustomerModel(LoyaltyClient api) : PageModel
{
    public LoyaltySummaryDto? Summary { get; private set; }

    public PagedList<LoyaltyTransactionDto>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Summary = (await api.CustomerAsync(id, cancellationToken)).Value;
        if (Summary is null)
        {
            return NotFound();
        }

        History = (await api.CustomerHistoryAsync(id, 1, cancellationToken)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int? points, string? reason, CancellationToken cancellationToken)
    {
        var adjusted = await api.AdjustAsync(id, new LoyaltyAdjustmentRequest(points, reason), cancellationToken);
        if (adjusted.Succeeded)
        {
            TempData["Flash"] = $"Adjusted by {points:+#;-#} points.";
            return Redirect($"/Admin/Loyalty/Customer/{id}");
        }

        ModelState.AddApiProblem(adjusted.Problem);
        return await OnGetAsync(id, cancellationToken);
    }
}
