using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;

namespace MyHibachi.Web.Pages.Account;

public sealed class LoginModel(SessionService session) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool Remember { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Password))
        {
            ModelState.AddModelError(nameof(Email), "Enter your e-mail and password.");
            return Page();
        }

        var result = await session.SignInAsync(Email, Password, Remember, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Problem?.Message ?? "We could not sign you in.");
            return Page();
        }

        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }

        return Redirect(result.Value!.User.Roles.Any(r => Roles.Staff.Contains(r)) ? "/Admin" : "/Account/Bookings");
    }
}
