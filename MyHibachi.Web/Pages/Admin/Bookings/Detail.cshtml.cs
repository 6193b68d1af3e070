using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Bookings;

public sealed class DetailModel(BookingsClient api) : PageModel
{
    private static readonly string[] Moves = [BookingActions.Confirm, BookingActions.Complete, BookingActions.NoShow];

    public BookingDto? Booking { get; private set; }

    public IReadOnlyList<AvailableChefDto> FreeChefs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid chefId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.AssignChefAsync(id, chefId, cancellationToken), "Chef assigned.", cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string action, CancellationToken cancellationToken) =>
        Moves.Contains(action)
            ? await AfterAsync(id, await api.MoveAsync(id, action, cancellationToken), "Booking updated.", cancellationToken)
            : BadRequest();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, await api.CancelAsync(id, reason, cancellationToken), "Booking cancelled.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var result = await api.DeleteAsync(id, reason ?? "", cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Booking deleted; it can be restored from Deleted items for 30 days.";
            return Redirect("/Admin/Bookings");
        }

        ModelState.AddApiProblem(result.Problem);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, ApiResult<T> result, string success, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = success;
            return RedirectToPage(new { id });
        }

        ModelState.AddApiProblem(result.Problem);
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.GetAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Booking = result.Value;
        if (User.Can(Permissions.BookingsManage) && Booking!.AllowedActions.Contains(BookingActions.AssignChef))
        {
            FreeChefs = ((await api.AvailableChefsAsync(id, cancellationToken)).Value ?? []).Where(c => c.Id != Booking.ChefId).ToList();
        }

        return Page();
    }
}
