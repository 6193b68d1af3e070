using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account;

public sealed class RegisterModel(SessionService session, AuthClient auth) : PageModel
{
    public sealed class RegisterInput
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Password { get; set; }
    }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await auth.RegisterAsync(new RegisterRequest(
            Input.Email, Input.Password, Input.FirstName, Input.LastName, string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone, null), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem);
            return Page();
        }

        // The answer is the same whether the address had an account; signing in with what was just
        // typed tells the two apart for the one person who knows the password.
        var signIn = await session.SignInAsync(Input.Email!, Input.Password!, remember: true, cancellationToken);
        if (!signIn.Succeeded)
        {
            TempData["Flash"] = result.Value!.Message;
            return Redirect("/Account/Login");
        }

        TempData["Flash"] = $"Welcome! We sent a confirmation link to {signIn.Value!.User.Email}; open it to see your bookings here.";
        return Redirect("/Account/Bookings");
    }
}
