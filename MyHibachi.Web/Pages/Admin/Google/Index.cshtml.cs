using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Google;

/// <summary>The Google credentials the business connected, whether each works, and a form to add one.</summary>
public sealed class IndexModel(GoogleClient api) : PageModel
{
    public static readonly IReadOnlyList<(string Scope, string Label)> Scopes =
    [
        ("https://www.googleapis.com/auth/calendar.events", "Chef calendars (Calendar)"),
        ("https://www.googleapis.com/auth/business.manage", "Business Profile (reviews and hours)"),
        ("https://www.googleapis.com/auth/webmasters.readonly", "Search Console"),
        ("https://www.googleapis.com/auth/adwords", "Google Ads"),
        ("https://www.googleapis.com/auth/analytics.readonly", "Google Analytics 4"),
    ];

    public IReadOnlyList<GoogleConnectionDto> Connections { get; private set; } = [];

    [BindProperty]
    public ConnectionInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await api.SaveConnectionAsync(Input.Id, new GoogleConnectionRequest(Input.Name, Input.Kind, Input.ClientId, Input.ClientSecret, Input.RefreshToken,
            Input.ServiceAccountKey, Input.Subject, Input.Scopes.Count == 0 ? null : Input.Scopes), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Flash"] = $"{saved.Value!.Name} is saved; its first sync will show whether Google accepts it.";
            return Redirect("/Admin/Google");
        }

        ModelState.AddApiProblem(saved.Problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await api.DeleteConnectionAsync(id, cancellationToken);
        TempData["Flash"] = deleted.Succeeded ? "The connection is removed; calendars linked through it are unlinked." : deleted.Problem?.Message;
        return Redirect("/Admin/Google");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Connections = (await api.ConnectionsAsync(cancellationToken)).Value ?? [];

    public static string StatusText(string status) => status switch
    {
        "connected" => "Connected",
        "needs_reconnect" => "Needs reconnecting",
        _ => "Saved, not used yet",
    };

    public sealed class ConnectionInput
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public string Kind { get; set; } = "service_account";

        public string? ClientId { get; set; }

        public string? ClientSecret { get; set; }

        public string? RefreshToken { get; set; }

        public string? ServiceAccountKey { get; set; }

        public string? Subject { get; set; }

        public List<string> Scopes { get; set; } = [];
    }
}
