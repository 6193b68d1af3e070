using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

public sealed class DeletedModel(AdminClient api) : PageModel
{
    public IReadOnlyList<DeletedItemDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.DeletedAsync(new DeletedItemsQuery(PageSize: 100), cancellationToken);
        Items = result.Value?.Items ?? [];
        ModelState.AddApiProblem(result.Problem);
    }

    public async Task<IActionResult> OnPostRestoreAsync(string? type, Guid id, CancellationToken cancellationToken)
    {
        if (type is null || !AdminClient.Restorable.Contains(type))
        {
            return BadRequest();
        }

        var result = await api.RestoreAsync(type, id, cancellationToken);
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
