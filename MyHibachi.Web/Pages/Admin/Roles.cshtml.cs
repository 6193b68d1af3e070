using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

[Authorize(Roles = "SUPER_ADMIN")]
public sealed class RolesModel(HibachiApi api) : PageModel
{
    public RolesOverview? Overview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = (await api.RolesAsync(cancellationToken)).Value;

    public async Task<IActionResult> OnPostAsync(string role, List<string> permissions, CancellationToken cancellationToken)
    {
        var result = await api.SetRolePermissionsAsync(role, permissions, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = $"{role} saved.";
            return RedirectToPage();
        }

        ModelState.AddApiProblem(result.Problem);
        Overview = (await api.RolesAsync(cancellationToken)).Value;
        return Page();
    }
}
