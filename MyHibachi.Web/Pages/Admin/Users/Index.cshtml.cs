using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Users;

[Authorize(Roles = "SUPER_ADMIN")]
public sealed class IndexModel(HibachiApi api) : PageModel
{
    public static readonly string[] Roles = ["SUPER_ADMIN", "ADMIN", "CUSTOMER_SUPPORT", "STATION_MANAGER", "CHEF", "CUSTOMER"];

    public IReadOnlyList<string> AllRoles => Roles;

    public string? Q { get; private set; }

    public string? Role { get; private set; }

    public Paged<User>? Result { get; private set; }

    public async Task OnGetAsync(string? q, string? role, CancellationToken cancellationToken)
    {
        (Q, Role) = (q, role);
        var result = await api.UsersAsync(PageHelpers.Query(("q", q), ("role", role), ("pageSize", 100)), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }
}
