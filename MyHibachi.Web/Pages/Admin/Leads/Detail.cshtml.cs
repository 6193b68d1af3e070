using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Leads;

public sealed class DetailModel(HibachiApi api) : PageModel
{
    public Lead? Lead { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.LeadAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Lead = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.LeadActionAsync(id, "claim?force=true", null, cancellationToken), "You have the lead.", cancellationToken);

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.LeadActionAsync(id, "status", new { status }, cancellationToken), "Status changed.", cancellationToken);

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.LeadActionAsync(id, "notes", new { text }, cancellationToken), "Note added.", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, ApiResult<Lead> result, string success, CancellationToken cancellationToken)
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
