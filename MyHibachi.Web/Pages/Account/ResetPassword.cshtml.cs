using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account;

/// <summary>The link from the reset e-mail: the token travels in the form, and is used once, on save (a POST).</summary>
public sealed class ResetPasswordModel(AuthClient auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await auth.ResetPasswordAsync(new ResetPasswordRequest(Email, Token, Password), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, "");
            return Page();
        }

        TempData["Flash"] = "Your password is changed. Sign in with the new one.";
        return Redirect("/Account/Login");
    }
}
