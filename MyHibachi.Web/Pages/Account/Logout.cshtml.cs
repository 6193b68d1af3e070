using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;

namespace MyHibachi.Web.Pages.Account;

public sealed class LogoutModel(SessionService session) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await session.SignOutAsync(cancellationToken);
        TempData["Flash"] = "You are signed out.";
        return Redirect("/");
    }
}
