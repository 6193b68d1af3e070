using MyHibachi.Web.Auth;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Chefs;

public sealed class EditModel(ChefsClient chefs, CatalogClient catalog) : PageModel
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public sealed class DayHours
    {
        public bool Works { get; set; }

        public string? Start { get; set; } = "11:00";

        public string? End { get; set; } = "22:00";
    }

    public sealed class ChefInput
    {
        public Guid? StationId { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Bio { get; set; }

        public bool IsActive { get; set; } = true;

        public int? MaxEventsPerDay { get; set; } = 2;

        public int? BufferBeforeMinutes { get; set; } = 60;

        public int? BufferAfterMinutes { get; set; } = 45;

        public Dictionary<DayOfWeek, DayHours> Days { get; set; } = [];
    }

    [BindProperty]
    public ChefInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public string? ETag { get; private set; }

    public ChefDetailDto? Detail { get; private set; }

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        if (id is null)
        {
            Input.StationId = Stations.FirstOrDefault()?.Id;
            foreach (var day in Week.Skip(1))
            {
                Input.Days[day] = new DayHours { Works = true };
            }

            return Page();
        }

        var result = await chefs.GetAsync(id.Value, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Detail = result.Value;
        ETag = result.ETag;
        var chef = Detail!.Chef;
        Input = new ChefInput
        {
            StationId = chef.StationId, FirstName = chef.FirstName, LastName = chef.LastName, Email = chef.Email, Phone = chef.Phone, Bio = chef.Bio,
            IsActive = chef.IsActive, MaxEventsPerDay = chef.MaxEventsPerDay, BufferBeforeMinutes = chef.BufferBeforeMinutes, BufferAfterMinutes = chef.BufferAfterMinutes,
            Days = chef.WorkingHours.GroupBy(h => h.DayOfWeek).ToDictionary(g => g.Key, g => new DayHours { Works = true, Start = g.First().StartTime, End = g.First().EndTime }),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? etag, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var hours = Input.Days.Where(d => d.Value.Works).Select(d => new WorkingHoursDto(d.Key, d.Value.Start ?? "", d.Value.End ?? "")).ToList();
        var isChef = User.IsInRole(Roles.Chef) && !User.IsInRole(Roles.Admin) && !User.IsInRole(Roles.SuperAdmin);
        var request = isChef
            ? new ChefRequest(null, null, null, null, Input.Phone ?? "", Input.Bio ?? "", null, null, null, null, hours)
            : new ChefRequest(id is null ? Input.StationId : null, Input.FirstName, Input.LastName, Input.Email, Input.Phone ?? "", Input.Bio ?? "", Input.IsActive,
                Input.MaxEventsPerDay, Input.BufferBeforeMinutes, Input.BufferAfterMinutes, hours);
        var result = await chefs.SaveAsync(id, request, etag, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Chef saved.";
            return Redirect($"/Admin/Chefs/Edit/{result.Value!.Chef.Id}");
        }

        ModelState.AddApiProblem(result.Problem);
        Id = id;
        ETag = etag;
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        if (id is { } existing)
        {
            Detail = (await chefs.GetAsync(existing, cancellationToken)).Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddTimeOffAsync(Guid id, DateTime? from, DateTime? to, string? reason, CancellationToken cancellationToken)
    {
        var station = await StationOfAsync(id, cancellationToken);
        var zone = station is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(station.TimeZone);
        DateTimeOffset? Instant(DateTime? local) => local is { } value ? new DateTimeOffset(value, zone.GetUtcOffset(value)).ToUniversalTime() : null;
        return await AfterAsync(id, await chefs.AddTimeOffAsync(id, new TimeOffRequest(Instant(from), Instant(to), reason), cancellationToken), "Time off added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveTimeOffAsync(Guid id, Guid timeOffId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await chefs.RemoveTimeOffAsync(id, timeOffId, cancellationToken), "Time off removed.", cancellationToken);

    public async Task<IActionResult> OnPostSetOverrideAsync(Guid id, DateOnly? date, string? start, string? end, bool working, CancellationToken cancellationToken)
    {
        if (date is null)
        {
            ModelState.AddModelError(string.Empty, "Choose the date.");
            return await OnGetAsync(id, cancellationToken);
        }

        var request = new DateOverrideRequest(working, working ? start : null, working ? end : null, null);
        return await AfterAsync(id, await chefs.SetDateOverrideAsync(id, date.Value, request, cancellationToken), "Date saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveOverrideAsync(Guid id, DateOnly date, CancellationToken cancellationToken) =>
        await AfterAsync(id, await chefs.RemoveDateOverrideAsync(id, date, cancellationToken), "Back to the weekly hours that day.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var result = await chefs.DeleteAsync(id, reason ?? "", cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Chef deleted; restore them from Deleted items within 30 days.";
            return Redirect("/Admin/Chefs");
        }

        ModelState.AddApiProblem(result.Problem);
        return await OnGetAsync(id, cancellationToken);
    }

    private async Task<StationDto?> StationOfAsync(Guid chefId, CancellationToken cancellationToken) =>
        (await chefs.GetAsync(chefId, cancellationToken)).Value is { } chef ? (await catalog.StationAsync(chef.Chef.StationId, cancellationToken)).Value : null;

    private async Task<IActionResult> AfterAsync<T>(Guid id, ApiResult<T> result, string success, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Flash"] = success;
            return Redirect($"/Admin/Chefs/Edit/{id}");
        }

        ModelState.AddApiProblem(result.Problem);
        return await OnGetAsync(id, cancellationToken);
    }
}
