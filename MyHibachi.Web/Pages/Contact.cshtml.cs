using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages;

/// <summary>How to reach each kitchen, and a message form that becomes a lead a person answers.</summary>
public sealed class ContactModel(BusinessContacts contacts, CatalogClient catalog) : PageModel
{
    public IReadOnlyList<BusinessContacts.Contact> Stations { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public string? Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Stations = await contacts.StationsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Stations = await contacts.StationsAsync(cancellationToken);
        var isEmail = Contact?.Contains('@', StringComparison.Ordinal) == true;
        var result = await catalog.InquireAsync(new InquiryRequest(Name, isEmail ? Contact : null, isEmail ? null : Contact, Message, LeadSource.Web, null), cancellationToken);
        if (result.Value is { } receipt)
        {
            Sent = receipt.Message;
            (Name, Contact, Message) = (null, null, null);
            ModelState.Clear();
        }
        else
        {
            ModelState.AddApiProblem(result.Problem, "");
        }

        return Page();
    }
}
