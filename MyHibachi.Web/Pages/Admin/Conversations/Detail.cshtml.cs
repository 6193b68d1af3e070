using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Conversations;

/// <summary>One conversation: the transcript with the agents and sources, the summary, and the hand-over controls.</summary>
public sealed class DetailModel(AssistantClient api) : PageModel
{
    public ConversationDto? Conversation { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var read = await api.ConversationAsync(id, cancellationToken);
        if (read.Value is null)
        {
            return NotFound();
        }

        Conversation = read.Value;
        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(string id, string? message, CancellationToken cancellationToken) =>
        ActAsync(id, api.ReplyAsync(id, new StaffReplyRequest(message), cancellationToken), "Reply sent.", cancellationToken);

    public Task<IActionResult> OnPostTakeOverAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, api.TakeOverAsync(id, cancellationToken), "You have this conversation; the assistant stays quiet.", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, api.ResumeAsync(id, cancellationToken), "The assistant answers this conversation again.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, api.CloseAsync(id, cancellationToken), "Conversation closed.", cancellationToken);

    private async Task<IActionResult> ActAsync(string id, Task<ApiResult<ConversationDto>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action;
        if (result.Value is not null)
        {
            Flash = done;
            return RedirectToPage(new { id });
        }

        ModelState.AddApiProblem(result.Problem, "");
        return await OnGetAsync(id, cancellationToken);
    }
}
