using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account;

/// <summary>
/// A page that asks for an account's e-mail and has the Api send a link to it (a password reset, a
/// new confirmation). The Api answers the same whether the address has an account, and so does the page.
/// </summary>
public abstract class EmailLinkPageModel : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>What the Api said once the request was taken.</summary>
    public string? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError("Email", "Enter the e-mail of your account.");
            return Page();
        }

        var result = await SendAsync(Email, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, "");
            return Page();
        }

        Sent = result.Value!.Message;
        return Page();
    }

    protected abstract Task<ApiResult<RegistrationReceipt>> SendAsync(string email, CancellationToken cancellationToken);
}
