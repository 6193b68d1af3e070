using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Chefs;

public sealed class IndexModel(ChefsClient api) : PageModel
{
    public IReadOnlyList<ChefDto> Chefs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.ListAsync(new ChefListQuery(PageSize: 100), cancellationToken);
        Chefs = result.Value?.Items ?? [];
        ModelState.AddApiProblem(result.Problem);
    }
}
