using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account;

public sealed class ResendConfirmationModel(AuthClient auth) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>What the Api said once the request was taken (the same whether the address has an account).</summary>
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

        var result = await auth.ResendConfirmationAsync(new ResendConfirmationRequest(Email), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, "");
            return Page();
        }

        Sent = result.Value!.Message;
        return Page();
    }
}
