using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
