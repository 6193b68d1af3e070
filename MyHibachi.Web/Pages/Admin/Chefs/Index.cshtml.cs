using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Chefs;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public IReadOnlyList<Chef> Chefs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.ChefsAsync("pageSize=100", cancellationToken);
        Chefs = result.Value?.Items ?? [];
        ModelState.AddApiProblem(result.Problem);
    }
}
