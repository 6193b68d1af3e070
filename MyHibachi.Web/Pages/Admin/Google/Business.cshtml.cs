using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Google;

/// <summary>Each station's Google Business Profile location: the link, the hours Google shows (weekly and holidays), and the last sync.</summary>
public sealed class BusinessModel(GoogleClient api) : PageModel
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public IReadOnlyList<BusinessLocationDto> Locations { get; private set; } = [];

    public IReadOnlyList<GoogleConnectionDto> Connections { get; private set; } = [];

    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid stationId, CancellationToken cancellationToken)
    {
        var hours = new List<OpeningPeriodDto>();
        for (var i = 0; i < Days.Length; i++)
        {
            if (ParsePeriods(Days[i], Input.Hours.ElementAtOrDefault(i)) is { } periods)
            {
                hours.AddRange(periods);
            }
            else
            {
                ModelState.AddModelError($"Input.Hours[{i}]", $"{Days[i]}: 11:00-22:00, or two periods 09:00-12:00, 13:00-22:00, or empty for closed.");
            }
        }

        var special = ParseSpecial(Input.SpecialDays);
        if (special is null)
        {
            ModelState.AddModelError("Input.SpecialDays", "One day per line: 2026-12-25 closed, or 2026-12-24 10:00-16:00.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var saved = await api.SaveBusinessLocationAsync(stationId, new BusinessLocationRequest(Input.ConnectionId, Input.AccountId?.Trim(), Input.LocationId?.Trim(), hours, special),
            cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Flash"] = $"{saved.Value!.StationName} is saved{(saved.Value.ConnectionId is null ? "" : "; Google is being updated now")}.";
            return Redirect("/Admin/Google/Business");
        }

        ModelState.AddApiProblem(saved.Problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellationToken)
    {
        var sync = await api.SyncBusinessProfileAsync(null, cancellationToken);
        TempData["Flash"] = sync.Succeeded ? "Reading reviews now: reload in a few seconds." : sync.Problem?.Message;
        return Redirect("/Admin/Google/Business");
    }

    /// <summary>"11:00-22:00" or "09:00-12:00, 13:00-22:00"; empty is closed; null when it cannot be read.</summary>
    public static List<OpeningPeriodDto>? ParsePeriods(string day, string? text)
    {
        var periods = new List<OpeningPeriodDto>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var times = part.Split('-', StringSplitOptions.TrimEntries);
            if (times.Length != 2)
            {
                return null;
            }

            periods.Add(new OpeningPeriodDto(day, times[0], times[1]));
        }

        return periods;
    }

    public static string PeriodsText(IEnumerable<OpeningPeriodDto> periods) => string.Join(", ", periods.Select(p => $"{p.Open}-{p.Close}"));

    /// <summary>"2026-12-25 closed" or "2026-12-24 10:00-16:00", one per line; null when a line cannot be read.</summary>
    public static List<SpecialDayDto>? ParseSpecial(string? text)
    {
        var days = new List<SpecialDayDto>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return null;
            }

            if (parts[1].Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                days.Add(new SpecialDayDto(date, true, null, null));
                continue;
            }

            var times = parts[1].Split('-', StringSplitOptions.TrimEntries);
            if (times.Length != 2)
            {
                return null;
            }

            days.Add(new SpecialDayDto(date, false, times[0], times[1]));
        }

        return days;
    }

    public static string SpecialText(IEnumerable<SpecialDayDto> days) =>
        string.Join("\n", days.Select(d => d.Closed ? $"{d.Date:yyyy-MM-dd} closed" : $"{d.Date:yyyy-MM-dd} {d.Open}-{d.Close}"));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Locations = (await api.BusinessLocationsAsync(cancellationToken)).Value ?? [];
        Connections = ((await api.ConnectionsAsync(cancellationToken)).Value ?? []).Where(c => c.Scopes.Contains("https://www.googleapis.com/auth/business.manage")).ToList();
    }

    public sealed class LocationInput
    {
        public Guid? ConnectionId { get; set; }

        public string? AccountId { get; set; }

        public string? LocationId { get; set; }

        public List<string?> Hours { get; set; } = [];

        public string? SpecialDays { get; set; }
    }
}
