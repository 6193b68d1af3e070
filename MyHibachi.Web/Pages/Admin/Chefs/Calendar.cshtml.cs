using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Chefs;

/// <summary>
/// A chef's calendar sync: the Google calendar linked (two-way), the ICS address imported, the private feed link,
/// what the last sync read and when, the busy times ahead and any clash with a booking.
/// </summary>
public sealed class CalendarModel(GoogleClient api) : PageModel
{
    public ChefCalendarDto Calendar { get; private set; } = null!;

    public IReadOnlyList<GoogleConnectionDto> Connections { get; private set; } = [];

    public bool CanLink => User.Can(Permissions.IntegrationsManage);

    public bool CanSync => User.Can(Permissions.ChefsSchedule);

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new LinkInput { ConnectionId = Calendar.ConnectionId, CalendarId = Calendar.CalendarId, IcsImportUrl = Calendar.IcsImportUrl };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await api.LinkChefCalendarAsync(id, new ChefCalendarRequest(Input.ConnectionId, Input.CalendarId, Input.IcsImportUrl), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Flash"] = "Saved. The calendar is being read now.";
            return Redirect($"/Admin/Chefs/Calendar/{id}");
        }

        ModelState.AddApiProblem(saved.Problem);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSyncAsync(Guid id, CancellationToken cancellationToken)
    {
        var sync = await api.SyncChefCalendarAsync(id, cancellationToken);
        TempData["Flash"] = sync.Succeeded ? "Sync asked for: the status below changes when it is done (reload in a few seconds)." : sync.Problem?.Message;
        return Redirect($"/Admin/Chefs/Calendar/{id}");
    }

    public async Task<IActionResult> OnPostResetFeedAsync(Guid id, CancellationToken cancellationToken)
    {
        var reset = await api.ResetFeedAsync(id, cancellationToken);
        TempData["Flash"] = reset.Succeeded ? "A new feed link: the old one no longer works. Subscribe to the new one." : reset.Problem?.Message;
        return Redirect($"/Admin/Chefs/Calendar/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var calendar = await api.ChefCalendarAsync(id, cancellationToken);
        if (!calendar.Succeeded || calendar.Value is null)
        {
            return false;
        }

        Calendar = calendar.Value;
        if (CanLink)
        {
            Connections = (await api.ConnectionsAsync(cancellationToken)).Value ?? [];
        }

        return true;
    }

    public static string StatusText(string status) => status switch
    {
        "ok" => "Up to date",
        "queued" => "Waiting for the Workers",
        "running" => "Reading the calendar…",
        "failed" => "Last sync failed",
        _ => "Not linked",
    };

    public sealed class LinkInput
    {
        public Guid? ConnectionId { get; set; }

        public string? CalendarId { get; set; }

        public string? IcsImportUrl { get; set; }
    }
}
