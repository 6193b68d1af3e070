using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Customers;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public string? Q { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public Paged<Customer>? Result { get; private set; }

    public async Task OnGetAsync(string? q, int? p, CancellationToken cancellationToken)
    {
        Q = q;
        PageNumber = Math.Max(1, p ?? 1);
        var result = await api.CustomersAsync(PageHelpers.Query(("q", q), ("page", PageNumber), ("pageSize", 25)), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }
}
