using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Leads;

public sealed class DetailModel(LeadsClient api) : PageModel
{
    public LeadDto? Lead { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.GetAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Lead = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.ClaimAsync(id, force: true, cancellationToken), "You have the lead.", cancellationToken);

    public async Task<IActionResult> OnPostStatusAsync(Guid id, LeadStatus? status, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.SetStatusAsync(id, new LeadStatusRequest(status, null), cancellationToken), "Status changed.", cancellationToken);

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.AddNoteAsync(id, new LeadNoteRequest(text), cancellationToken), "Note added.", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, ApiResult<LeadDto> result, string success, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = success;
            return RedirectToPage(new { id });
        }

        ModelState.AddApiProblem(result.Problem);
        return await OnGetAsync(id, cancellationToken);
    }
}
