using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Leads;

public sealed class IndexModel(LeadsClient api) : PageModel
{
    public LeadStatus? Status { get; private set; }

    public LeadSource? Source { get; private set; }

    public string? Q { get; private set; }

    public bool Mine { get; private set; }

    public PagedList<LeadDto>? Result { get; private set; }

    public async Task OnGetAsync(LeadStatus? status, LeadSource? source, string? q, bool? mine, CancellationToken cancellationToken)
    {
        (Status, Source, Q, Mine) = (status, source, q, mine == true);
        var result = await api.ListAsync(new LeadListQuery(PageSize: 50, Status: status, Source: source, Q: q, Mine: mine == true ? true : null), cancellationToken);
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
    }
}
