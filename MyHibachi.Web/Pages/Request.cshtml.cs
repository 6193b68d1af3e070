using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages;

/// <summary>
/// The paths for what cannot be booked online: an address outside the service area ("tell me
/// when you come my way") and a party above the online maximum (a request for a custom quote).
/// Either becomes a lead that a manager answers.
/// </summary>
public sealed class RequestModel(CatalogClient catalog) : PageModel
{
    /// <summary>"area" (outside the service area) or "large" (a party above the online maximum).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestInput Input { get; set; } = new();

    public string? Sent { get; private set; }

    public int? MaxGuests { get; private set; }

    public bool LargeParty => Reason == "large";

    public async Task OnGetAsync(CancellationToken cancellationToken) => MaxGuests = (await catalog.MenuAsync(cancellationToken)).Value?.Prices.MaxGuests;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var contact = Input.Contact?.Trim();
        var isEmail = contact?.Contains('@', StringComparison.Ordinal) == true;
        var request = new InquiryRequest(Input.Name, isEmail ? contact : null, isEmail ? null : contact, Input.Message, LeadSource.Web, null,
            LargeParty ? LeadReason.LargeParty : LeadReason.OutOfServiceArea, string.IsNullOrWhiteSpace(Input.Zip) ? null : Input.Zip,
            LargeParty ? Input.Guests : null, LargeParty ? Input.EventDate : null);
        var result = await catalog.InquireAsync(request, cancellationToken);
        if (result.Value is { } receipt)
        {
            Sent = receipt.Message;
            return Page();
        }

        ModelState.AddApiProblem(result.Problem is { Errors: { } errors } problem
            ? problem with { Errors = errors.ToDictionary(e => e.Key == "email" || e.Key == "phone" ? "contact" : e.Key, e => e.Value) }
            : result.Problem);
        MaxGuests = (await catalog.MenuAsync(cancellationToken)).Value?.Prices.MaxGuests;
        return Page();
    }
}

public sealed class RequestInput
{
    public string? Name { get; set; }

    /// <summary>An e-mail address or a phone number.</summary>
    public string? Contact { get; set; }

    public string? Zip { get; set; }

    public int? Guests { get; set; }

    public DateOnly? EventDate { get; set; }

    public string? Message { get; set; }
}
