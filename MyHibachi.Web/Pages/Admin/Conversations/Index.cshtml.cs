using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Conversations;

/// <summary>The escalation queue first, then every conversation, and how much the assistant handled alone.</summary>
public sealed class IndexModel(AssistantClient api) : PageModel
{
    public ConversationState? Status { get; private set; }

    public ChatChannel? Channel { get; private set; }

    public string? Q { get; private set; }

    public IReadOnlyList<ConversationSummaryDto> Queue { get; private set; } = [];

    public PagedList<ConversationSummaryDto>? Result { get; private set; }

    public AssistantStatsDto? Stats { get; private set; }

    public async Task OnGetAsync(ConversationState? status, ChatChannel? channel, string? q, CancellationToken cancellationToken)
    {
        (Status, Channel, Q) = (status, channel, q);
        var queue = await api.QueueAsync(cancellationToken);
        Queue = queue.Value ?? [];
        var list = await api.ConversationsAsync(new ConversationListQuery(PageSize: 50, Status: status, Channel: channel, Q: q), cancellationToken);
        Result = list.Value;
        Stats = (await api.StatsAsync(30, cancellationToken)).Value;
        ModelState.AddApiProblem(list.Problem);
    }
}
