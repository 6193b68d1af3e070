using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        (Title, Explanation) = code switch
        {
            404 => ("We couldn't find that page", "The link may be old, or the page has moved."),
            403 => ("This page is not for your account", "Sign in with an account that may see it."),
            400 => ("That request didn't look right", "Please go back and try again."),
            429 => ("Slow down a little", "Too many requests in a short time; wait a minute and try again."),
            _ => ("Something went wrong", "Please try again in a moment."),
        };
    }
}
