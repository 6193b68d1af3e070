using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Customers;

public sealed class IndexModel(CustomersClient api) : PageModel
{
    public string? Q { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public PagedList<CustomerDto>? Result { get; private set; }

    public async Task OnGetAsync(string? q, int? p, CancellationToken cancellationToken)
    {
        Q = q;
        PageNumber = Math.Max(1, p ?? 1);
        var result = await api.ListAsync(new CustomerListQuery(PageNumber, 25, Q: q), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }
}
