using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Users;

[Authorize(Roles = Roles.SuperAdmin)]
public sealed class IndexModel(UsersClient api, TimeProvider clock) : PageModel
{
    /// <summary>The roles a person's account can be given (service accounts are not managed here).</summary>
    public static readonly string[] AssignableRoles = Roles.All.Where(r => r != Roles.Service).ToArray();

    public IReadOnlyList<string> AllRoles => AssignableRoles;

    public DateTimeOffset Now => clock.GetUtcNow();

    public string? Q { get; private set; }

    public string? Role { get; private set; }

    public PagedList<UserDto>? Result { get; private set; }

    public async Task OnGetAsync(string? q, string? role, CancellationToken cancellationToken)
    {
        (Q, Role) = (q, role);
        var result = await api.ListAsync(new UserListQuery(PageSize: 100, Q: q, Role: role), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }
}
