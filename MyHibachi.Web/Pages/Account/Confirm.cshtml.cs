using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account;

/// <summary>The link from the sign-up e-mail. Confirming is a button (a POST), so link scanners cannot use up the token.</summary>
public sealed class ConfirmModel(SessionService session, AuthClient auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await auth.ConfirmEmailAsync(new ConfirmEmailRequest(Email ?? "", Token ?? ""), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem);
            return Page();
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            await session.RefreshNowAsync(cancellationToken);
            TempData["Flash"] = "Thanks, your e-mail is confirmed.";
            return Redirect("/Account/Bookings");
        }

        TempData["Flash"] = "Thanks, your e-mail is confirmed. Sign in to see your bookings.";
        return Redirect("/Account/Login");
    }
}
