using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

public sealed class DeletedModel(HibachiApi api) : PageModel
{
    public IReadOnlyList<DeletedItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.DeletedAsync("pageSize=100", cancellationToken);
        Items = result.Value?.Items ?? [];
        ModelState.AddApiProblem(result.Problem);
    }

    public async Task<IActionResult> OnPostRestoreAsync(string path, CancellationToken cancellationToken)
    {
        // Only the Api's own restore routes may be called from here.
        if (!System.Text.RegularExpressions.Regex.IsMatch(path, "^/api/(customers|chefs|bookings|admin/leads)/[0-9a-f-]{36}/restore$"))
        {
            return BadRequest();
        }

        var result = await api.PostAsync(path, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Restored.";
            return RedirectToPage();
        }

        ModelState.AddApiProblem(result.Problem);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
