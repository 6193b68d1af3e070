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
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the e-mail address you signed up with.");
        }

        if (string.IsNullOrWhiteSpace(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await session.SignInAsync(Email!, Password!, Remember, cancellationToken);
        if (!result.Succeeded)
        {
            // Which of the two is wrong is not said (that would tell who has an account): both are marked.
            if (result.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                ModelState.AddModelError(nameof(Email), "Check the e-mail address.");
                ModelState.AddModelError(nameof(Password), "This e-mail and password do not match an account. Check both, or reset your password.");
            }
            else
            {
                ModelState.AddModelError(string.Empty, result.Problem?.Message ?? "We could not sign you in.");
            }

            return Page();
        }

        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }

        return Redirect(result.Value!.User.Roles.Any(r => Roles.Staff.Contains(r)) ? "/Admin" : "/Account/Bookings");
    }
}
