using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

/// <summary>
/// The chat widget's messages. Until the assistant answers itself, each message becomes a lead from
/// the chat channel, answered by a person.
/// </summary>
public sealed class ChatModel(CatalogClient api) : PageModel
{
    public string Message { get; private set; } = "";

    public string ReturnUrl { get; private set; } = "/";

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? name, string? contact, string? message, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        var isEmail = contact?.Contains('@', StringComparison.Ordinal) == true;
        var result = await api.InquireAsync(new InquiryRequest(name, isEmail ? contact : null, isEmail ? null : contact, message, LeadSource.Chat, null), cancellationToken);
        Message = result.Succeeded
            ? "Got it! Someone from the team will answer you shortly."
            : result.Problem?.Errors is { Count: > 0 } errors ? string.Join(" ", errors.SelectMany(e => e.Value)) : result.Problem?.Message ?? "Please try again.";
        if (Request.Headers["X-Requested-With"] == "fetch")
        {
            return result.Succeeded ? Content(Message) : BadRequest(Message);
        }

        return Page();
    }
}
