using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Marketing;

/// <summary>
/// What every marketing dashboard shares: the date range (from/to in the query string, the last 28 days by default),
/// its field errors, the CSV export of a table for that range, and money and rate formatting.
/// </summary>
public abstract class MarketingPage(MarketingClient api) : PageModel
{
    protected MarketingClient Api => api;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The range the Api used (the default one when none was asked for).</summary>
    public MarketingRange? Range { get; protected set; }

    public string? Problem { get; protected set; }

    public bool CanManage => User.Can(Permissions.MarketingManage);

    protected MarketingQuery Query => new(From, To);

    /// <summary>Keeps the page's data, or shows the Api's field errors beside the range picker.</summary>
    protected T? Take<T>(ApiResult<T> result) where T : class
    {
        if (result.Value is null)
        {
            ModelState.AddApiProblem(result.Problem, "");
            Problem = result.Problem?.Message ?? "The numbers could not be loaded.";
        }

        return result.Value;
    }

    public async Task<IActionResult> OnGetExportAsync(string report, CancellationToken cancellationToken)
    {
        var file = await api.ExportAsync(report, Query, cancellationToken);
        if (file.Value is { } csv)
        {
            return File(csv.Content, "text/csv; charset=utf-8", csv.FileName ?? report + ".csv");
        }

        TempData["Flash"] = file.Problem?.Message ?? "The export failed.";
        return RedirectToPage(new { From, To });
    }

    public async Task<IActionResult> OnPostSyncAsync(string source, CancellationToken cancellationToken)
    {
        var result = await api.SyncAsync(source, cancellationToken);
        TempData["Flash"] = result.Succeeded ? "Sync started: the numbers update when the Workers finish (refresh to see the status)." : result.Problem?.Message;
        return RedirectToPage(new { From, To });
    }

    /// <summary>The query string of this range, for links (tabs, exports).</summary>
    public string RangeQuery(string? export = null)
    {
        var parts = new List<string>();
        if (export is not null)
        {
            parts.Add("handler=Export&report=" + Uri.EscapeDataString(export));
        }

        if (Range is { } r)
        {
            parts.Add("from=" + Iso(r.From));
            parts.Add("to=" + Iso(r.To));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(long? cents) => cents is { } c ? (c / 100m).ToString("$#,##0.00", CultureInfo.InvariantCulture) : "–";

    public static string WholeMoney(long cents) => (cents / 100m).ToString("$#,##0", CultureInfo.InvariantCulture);

    public static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Count(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("MMM d", CultureInfo.InvariantCulture);

    public static string PriorityBadge(string priority) => priority switch
    {
        "high" => "badge-bad",
        "medium" => "badge-warn",
        _ => "badge-ok",
    };
}

/// <summary>An Ads table as the <c>_AdsTable</c> partial draws it, with its CSV link.</summary>
public sealed record AdsTable(string Id, string Title, string KeyLabel, IReadOnlyList<AdsRow> Rows, string? ExportHref, bool Bookings = false, int Show = 20);
