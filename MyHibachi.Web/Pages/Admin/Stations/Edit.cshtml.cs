using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Stations;

public sealed class EditModel(CatalogClient catalog, StationsClient stations) : PageModel
{
    public sealed class StationInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? TimeZone { get; set; } = "America/New_York";

        public string? BaseZip { get; set; }

        public int? ServiceRadiusMiles { get; set; } = 100;

        public int? MinimumNoticeHours { get; set; } = 48;

        public int? CustomerChangeCutoffHours { get; set; } = 72;

        public bool IsActive { get; set; } = true;

        public string? Phone { get; set; }

        public string? Email { get; set; }
    }

    [BindProperty]
    public StationInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public string? ETag { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }

        var result = await catalog.StationAsync(id.Value, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        var s = result.Value!;
        ETag = result.ETag;
        Input = new StationInput
        {
            Code = s.Code, Name = s.Name, TimeZone = s.TimeZone, BaseZip = s.BaseZip, ServiceRadiusMiles = s.ServiceRadiusMiles,
            MinimumNoticeHours = s.MinimumNoticeHours, CustomerChangeCutoffHours = s.CustomerChangeCutoffHours, IsActive = s.IsActive,
            Phone = s.Phone, Email = s.Email,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? etag, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var request = new StationRequest(Input.Code, Input.Name, Input.TimeZone, Input.BaseZip, Input.ServiceRadiusMiles, Input.MinimumNoticeHours,
            Input.CustomerChangeCutoffHours, Input.IsActive, Input.Phone ?? "", Input.Email ?? "");
        var result = await stations.SaveAsync(id, request, etag, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Station saved.";
            return Redirect($"/Admin/Stations/Edit/{result.Value!.Id}");
        }

        Id = id;
        ETag = etag;
        ModelState.AddApiProblem(result.Problem);
        return Page();
    }
}
