using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Inbox;

/// <summary>
/// The inbox: every channel's conversations in one list (filtered by channel, status, assignee, label,
/// station, text), the open thread with delivery status, notes and calls, and beside it the contact's
/// bookings, quotes and leads. It updates itself when the Api says a conversation changed (SignalR).
/// </summary>
public sealed class IndexModel(InboxClient inbox, CatalogClient catalog, CustomersClient customers, IHostEnvironment environment) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "c")]
    public Guid? Selected { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Label { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Station { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedList<InboxConversationSummary>? List { get; private set; }

    public InboxConversationDto? Thread { get; private set; }

    public IReadOnlyList<ChannelStatusDto> Channels { get; private set; } = [];

    public IReadOnlyList<InboxAgentDto> Agents { get; private set; } = [];

    public IReadOnlyList<CannedReplyDto> Canned { get; private set; } = [];

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public bool Development => environment.IsDevelopment();

    /// <summary>The business's time zone for times in the list (the first station's).</summary>
    public string TimeZone { get; private set; } = "America/New_York";

    /// <summary>
    /// The message the next page shows. Written to TempData only by the actions: a [TempData] property would be
    /// read (and so used up) by every live refresh this page fetches in the background, racing the redirect.
    /// </summary>
    private string? Flash
    {
        set => TempData["Flash"] = value;
    }

    /// <summary>The current filters, for links and for returning after an action.</summary>
    public Dictionary<string, string> Filters(Guid? conversation = null, int? page = null)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("channel", Channel);
        Add("status", Status);
        Add("assignee", Assignee);
        Add("label", Label);
        Add("station", Station?.ToString());
        Add("q", Q);
        Add("p", (page ?? PageNumber) is > 1 and var p ? p.ToString() : null);
        Add("c", (conversation ?? Selected)?.ToString());
        return values;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await inbox.ListAsync(new InboxListQuery(PageNumber, 25, Channel, Status, Assignee, Label, Station, Q), cancellationToken);
        if (list.Value is null)
        {
            ModelState.AddApiProblem(list.Problem, "");
        }

        List = list.Value;
        Channels = (await inbox.ChannelsAsync(cancellationToken)).Value ?? [];
        Agents = (await inbox.AgentsAsync(cancellationToken)).Value ?? [];
        Canned = (await inbox.CannedAsync(cancellationToken)).Value ?? [];
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        TimeZone = Stations.FirstOrDefault()?.TimeZone ?? TimeZone;
        if (Selected is { } id)
        {
            var thread = await inbox.ConversationAsync(id, cancellationToken);
            if (thread.Value is null)
            {
                return NotFound();
            }

            Thread = thread.Value;
            TimeZone = Stations.FirstOrDefault(s => s.Id == Thread.StationId)?.TimeZone ?? TimeZone;
        }

        return Page();
    }

    /// <summary>A call's recording for the player: the bytes through the site (the browser never calls the Api), with range requests.</summary>
    public async Task<IActionResult> OnGetRecordingAsync(Guid call, CancellationToken cancellationToken)
    {
        var file = await inbox.RecordingAsync(call, cancellationToken);
        return file.Value is { } audio ? new FileContentResult(audio.Content, audio.ContentType) { EnableRangeProcessing = true } : NotFound();
    }

    public async Task<IActionResult> OnPostReplyAsync(string? message, CancellationToken cancellationToken)
    {
        // "/deposit" alone sends the canned reply of that name.
        if (message?.Trim() is { Length: > 1 } typed && typed.StartsWith('/') && !typed.Contains(' ', StringComparison.Ordinal))
        {
            var canned = (await inbox.CannedAsync(cancellationToken)).Value?.FirstOrDefault(c => c.ShortCode == typed[1..].ToLowerInvariant());
            message = canned?.Body ?? message;
        }

        return await ActAsync(inbox.ReplyAsync(Selected!.Value, new InboxReplyRequest(message), cancellationToken), "Reply queued for sending.", cancellationToken);
    }

    public Task<IActionResult> OnPostNoteAsync(string? message, List<Guid>? mentions, CancellationToken cancellationToken) =>
        ActAsync(inbox.NoteAsync(Selected!.Value, new InboxNoteRequest(message, mentions), cancellationToken), "Note added (only staff see it).", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(string? assignTo, CancellationToken cancellationToken) =>
        ActAsync(inbox.AssignAsync(Selected!.Value, assignTo switch
        {
            "auto" => new InboxAssignRequest(null, true),
            var id when Guid.TryParse(id, out var user) => new InboxAssignRequest(user, false),
            _ => new InboxAssignRequest(null, false),
        }, cancellationToken), "Assignment saved.", cancellationToken);

    public Task<IActionResult> OnPostLabelsAsync(string? labels, CancellationToken cancellationToken) =>
        ActAsync(inbox.LabelsAsync(Selected!.Value, new InboxLabelsRequest((labels ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)), cancellationToken),
            "Labels saved.", cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(string? to, string? snooze, CancellationToken cancellationToken)
    {
        var status = to switch { "open" => InboxStatus.Open, "pending" => InboxStatus.Pending, "snoozed" => InboxStatus.Snoozed, "resolved" => InboxStatus.Resolved, _ => (InboxStatus?)null };
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? until = snooze switch { "1h" => now.AddHours(1), "tomorrow" => now.Date.AddDays(1).AddHours(14), "week" => now.AddDays(7), _ => null };
        var done = status switch
        {
            InboxStatus.Open => "You have this conversation; the assistant stays quiet.",
            InboxStatus.Pending => "The assistant answers this conversation again.",
            InboxStatus.Snoozed => "Snoozed: it comes back when the customer writes or the time comes.",
            _ => "Resolved.",
        };
        return ActAsync(inbox.StatusAsync(Selected!.Value, new InboxStatusRequest(status, until), cancellationToken), done, cancellationToken);
    }

    /// <summary>Ties the contact to the customer with this e-mail address.</summary>
    public async Task<IActionResult> OnPostLinkAsync(string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim();
        var found = string.IsNullOrEmpty(address)
            ? null
            : (await customers.ListAsync(new CustomerListQuery(1, 5, null, address), cancellationToken)).Value?.Items
                .FirstOrDefault(c => string.Equals(c.Email, address, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            ModelState.AddModelError("link-email", "No customer has this e-mail address. Check it, or create the customer below.");
            return await OnGetAsync(cancellationToken);
        }

        return await ActAsync(inbox.LinkCustomerAsync(Selected!.Value, found.Id, cancellationToken), $"Linked to {found.FirstName} {found.LastName}.", cancellationToken);
    }

    /// <summary>Creates the customer record from what the contact told us, then ties the conversation to it.</summary>
    public async Task<IActionResult> OnPostCreateCustomerAsync(string? firstName, string? lastName, string? email, string? phone, CancellationToken cancellationToken)
    {
        var created = await customers.SaveAsync(null, new CustomerRequest(null, firstName, lastName, email, phone, "Added from the inbox.", null), null, cancellationToken);
        if (created.Value is not { } customer)
        {
            ModelState.AddApiProblem(created.Problem, "new");
            return await OnGetAsync(cancellationToken);
        }

        return await ActAsync(inbox.LinkCustomerAsync(Selected!.Value, customer.Id, cancellationToken), $"Customer {customer.FirstName} {customer.LastName} created and linked.",
            cancellationToken);
    }

    public Task<IActionResult> OnPostHideAsync(Guid messageId, bool hide, CancellationToken cancellationToken) =>
        ActAsync(inbox.HideAsync(Selected!.Value, messageId, new ModerationRequest(hide), cancellationToken), hide ? "Comment hidden." : "Comment shown again.", cancellationToken);

    public async Task<IActionResult> OnPostDutyAsync(bool onDuty, CancellationToken cancellationToken)
    {
        var result = await inbox.DutyAsync(onDuty, cancellationToken);
        Flash = result.Value is { } me ? (me.OnDuty ? "You are on duty: round-robin can give you conversations." : "You are off duty.") : result.Problem?.Message;
        return RedirectToPage(Filters());
    }

    public async Task<IActionResult> OnPostReplayAsync(string? provider, CancellationToken cancellationToken)
    {
        var result = await inbox.ReplayAsync(new InboxReplayRequest(provider, null), cancellationToken);
        Flash = result.Value is { } replay ? $"Replayed a recorded {replay.Provider} payload: {replay.Detail}." : result.Problem?.Message;
        return RedirectToPage(Filters());
    }

    private async Task<IActionResult> ActAsync(Task<ApiResult<InboxConversationDto>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action;
        if (result.Value is not null)
        {
            Flash = done;
            return RedirectToPage(Filters());
        }

        ModelState.AddApiProblem(result.Problem, "");
        return await OnGetAsync(cancellationToken);
    }
}
