using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

/// <summary>
/// The chat widget's messages to the assistant. With JavaScript the widget posts here and renders the
/// JSON answer in place; without it, this page shows the conversation and a form to go on.
/// </summary>
public sealed class ChatModel(AssistantClient assistant) : PageModel
{
    public ConversationDto? Conversation { get; private set; }

    public string? Error { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public IReadOnlyList<string> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (!string.IsNullOrEmpty(id))
        {
            var read = await assistant.ConversationAsync(id, cancellationToken);
            Conversation = read.Value;
        }

        return Page();
    }

    /// <summary>The conversation as JSON, for the widget to restore it on another page and to show a person's replies.</summary>
    public async Task<IActionResult> OnGetConversationAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return BadRequest();
        }

        var read = await assistant.ConversationAsync(id, cancellationToken);
        return read.Value is { } conversation ? new JsonResult(conversation, ApiClient.Json) : StatusCode(read.Status is 0 ? 502 : (int)read.Status);
    }

    public async Task<IActionResult> OnPostAsync(string? conversationId, string? message, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        var sent = await assistant.ChatAsync(new ChatRequest(string.IsNullOrWhiteSpace(conversationId) ? null : conversationId, message, ChatChannel.Web), cancellationToken);
        if (IsFetch)
        {
            return sent.Value is { } reply ? new JsonResult(reply, ApiClient.Json) : new JsonResult(new { error = Describe(sent) }) { StatusCode = (int)sent.Status is >= 400 and < 600 ? (int)sent.Status : 502 };
        }

        Error = sent.Value is null ? Describe(sent) : null;
        Suggestions = sent.Value?.Suggestions ?? [];
        var id = sent.Value?.ConversationId ?? conversationId;
        if (!string.IsNullOrEmpty(id))
        {
            Conversation = (await assistant.ConversationAsync(id, cancellationToken)).Value;
        }

        return Page();
    }

    /// <summary>"Talk to a person": escalates the conversation (starting one if there is none yet).</summary>
    public async Task<IActionResult> OnPostPersonAsync(string? conversationId, string? message, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(conversationId))
        {
            var started = await assistant.ChatAsync(new ChatRequest(null, string.IsNullOrWhiteSpace(message) ? "I'd like to talk to a person." : message, ChatChannel.Web), cancellationToken);
            conversationId = started.Value?.ConversationId;
        }

        var escalated = conversationId is null ? null : await assistant.EscalateAsync(new EscalateRequest(conversationId, "The customer pressed \"Talk to a person\"."), cancellationToken);
        if (IsFetch)
        {
            return escalated?.Value is { } done ? new JsonResult(done, ApiClient.Json) : new JsonResult(new { error = "We could not reach the team; please try again." }) { StatusCode = 502 };
        }

        Conversation = escalated?.Value;
        Error = Conversation is null ? "We could not reach the team; please try again." : null;
        return Page();
    }

    private bool IsFetch => Request.Headers["X-Requested-With"] == "fetch";

    private static string Describe<T>(ApiResult<T> result) =>
        result.Problem?.Errors is { Count: > 0 } errors ? string.Join(" ", errors.SelectMany(e => e.Value))
        : result.Status == System.Net.HttpStatusCode.TooManyRequests ? "You're sending messages quickly; please wait a moment."
        : result.Problem?.Message ?? "Please try again.";
}
