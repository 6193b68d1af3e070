using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Users;

[Authorize(Roles = Roles.SuperAdmin)]
public sealed class EditModel(UsersClient users, CatalogClient catalog, ChefsClient chefs, TimeProvider clock) : PageModel
{
    public sealed class UserInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];

        public Guid? StationId { get; set; }

        public Guid? ChefId { get; set; }

        public bool IsActive { get; set; } = true;
    }

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public bool Locked { get; private set; }

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public IReadOnlyList<ChefDto> Chefs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadListsAsync(cancellationToken);
        if (id is { } existing)
        {
            var result = await users.GetAsync(existing, cancellationToken);
            if (!result.Succeeded)
            {
                return NotFound();
            }

            var user = result.Value!;
            Locked = user.LockedUntil > clock.GetUtcNow();
            Input = new UserInput { Email = user.Email, DisplayName = user.DisplayName, Roles = [.. user.Roles], StationId = user.StationId, ChefId = user.ChefId, IsActive = user.IsActive };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = id is { } existing
            ? await users.UpdateAsync(existing, new UpdateUserRequest(Input.DisplayName, string.IsNullOrEmpty(Input.Password) ? null : Input.Password, Input.Roles, Input.StationId, Input.ChefId, Input.IsActive), cancellationToken)
            : await users.CreateAsync(new CreateUserRequest(Input.Email, Input.DisplayName, Input.Password, Input.Roles, Input.StationId, Input.ChefId), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Account saved.";
            return Redirect($"/Admin/Users/Edit/{result.Value!.Id}");
        }

        Id = id;
        ModelState.AddApiProblem(result.Problem);
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        await users.UnlockAsync(id, cancellationToken);
        TempData["Flash"] = "Account unlocked.";
        return Redirect($"/Admin/Users/Edit/{id}");
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Stations = (await catalog.StationsAsync(cancellationToken)).Value ?? [];
        Chefs = (await chefs.ListAsync(new ChefListQuery(PageSize: 100), cancellationToken)).Value?.Items ?? [];
    }
}
