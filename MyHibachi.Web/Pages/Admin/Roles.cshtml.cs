using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

[Authorize(Roles = Roles.SuperAdmin)]
public sealed class RolesModel(UsersClient api) : PageModel
{
    public RolesDto? Overview { get; private set; }

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
