using MyHibachi.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Customers;

public sealed class EditModel(CustomersClient customers, CatalogClient catalog, BookingsClient bookings) : PageModel
{
    public sealed class CustomerInput
    {
        public Guid? StationId { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Notes { get; set; }

        public bool? MarketingOptIn { get; set; }
    }

    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public string? ETag { get; private set; }

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public IReadOnlyList<BookingSummaryDto> Bookings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadListsAsync(cancellationToken);
        if (id is null)
        {
            Input.StationId = Stations.FirstOrDefault()?.Id;
            return Page();
        }

        var result = await customers.GetAsync(id.Value, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        var c = result.Value!;
        ETag = result.ETag;
        Input = new CustomerInput { StationId = c.StationId, FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Phone = c.Phone, Notes = c.Notes, MarketingOptIn = c.MarketingOptIn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? etag, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var request = new CustomerRequest(Input.StationId, Input.FirstName, Input.LastName, Input.Email, Input.Phone ?? "", Input.Notes ?? "", Input.MarketingOptIn ?? false);
        var result = await customers.SaveAsync(id, request, etag, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Customer saved.";
            return Redirect($"/Admin/Customers/Edit/{result.Value!.Id}");
        }

        Id = id;
        ETag = etag;
        ModelState.AddApiProblem(result.Problem);
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var result = await customers.DeleteAsync(id, reason ?? "", cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Customer deleted; restore them from Deleted items within 30 days.";
            return Redirect("/Admin/Customers");
        }

        ModelState.AddApiProblem(result.Problem);
        return await OnGetAsync(id, cancellationToken);
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        if (Id is { } id)
        {
            Bookings = (await bookings.ListAsync(new BookingListQuery(PageSize: 20, CustomerId: id, Sort: "-startsAt"), cancellationToken)).Value?.Items ?? [];
        }
    }
}
