using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Payments;

/// <summary>Every invoice, newest first, to view and download.</summary>
public sealed class InvoicesModel(PaymentsClient payments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<InvoiceDto>? Invoices { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.PaymentsRead))
        {
            return Forbid();
        }

        var result = await payments.InvoicesAsync(new InvoiceListQuery(PageNumber, 50), cancellationToken);
        Invoices = result.Value;
        ModelState.AddApiProblem(result.Problem);
        return Page();
    }
}
