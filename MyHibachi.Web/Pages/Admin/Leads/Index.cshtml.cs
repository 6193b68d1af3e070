using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Leads;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public string? Status { get; private set; }

    public string? Source { get; private set; }

    public string? Q { get; private set; }

    public bool Mine { get; private set; }

    public Paged<Lead>? Result { get; private set; }

    public async Task OnGetAsync(string? status, string? source, string? q, bool? mine, CancellationToken cancellationToken)
    {
        (Status, Source, Q, Mine) = (status, source, q, mine == true);
        var result = await api.LeadsAsync(PageHelpers.Query(("status", status), ("source", source), ("q", q), ("mine", mine == true ? "true" : null), ("pageSize", 50)), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }
}
