using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Payments;

/// <summary>A day's payments and refunds beside what Stripe reports for each, with every difference marked.</summary>
public sealed class IndexModel(PaymentsClient payments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public DailyPaymentsDto? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.Can(Permissions.PaymentsRead))
        {
            return Forbid();
        }

        var result = await payments.DailyAsync(new DailyPaymentsQuery(Date), cancellationToken);
        Report = result.Value;
        ModelState.AddApiProblem(result.Problem);
        return Page();
    }
}
