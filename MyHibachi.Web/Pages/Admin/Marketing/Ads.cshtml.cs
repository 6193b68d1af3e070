using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MyHibachi.Web.Infrastructure;
using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Admin.Marketing;

/// <summary>
/// Google Ads: cost and conversions, campaigns joined with our confirmed bookings, devices and hours, search terms,
/// keywords and locations, the month's pacing, experiments, and the CPA alert thresholds with the alerts they fired.
/// </summary>
public sealed class AdsModel(MarketingClient api) : MarketingPage(api)
{
    public AdsReportDto? Report { get; private set; }

    public ChartModel? DailyChart { get; private set; }

    public ChartModel? DeviceChart { get; private set; }

    public ChartModel? HourChart { get; private set; }

    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    public sealed class RuleInput
    {
        public string? CampaignId { get; set; }

        public string? MaxCpa { get; set; }

        public int LookbackDays { get; set; } = 7;

        public string? MinSpend { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Report = Take(await Api.AdsAsync(Query, cancellationToken));
        Range = Report?.Range;
        if (Report is not { } r)
        {
            return;
        }

        var days = r.Daily[0].Points.Select(p => Day(p.Date)).ToList();
        DailyChart = new ChartModel("ads-daily-chart", "Cost and conversions by day", "line", days,
        [
            new ChartSeries("Cost ($)", r.Daily[0].Points.Select(p => p.Value).ToList(), ["#c2410c"]),
            new ChartSeries("Conversions", r.Daily[1].Points.Select(p => p.Value).ToList(), ["#15803d"]),
        ]);
        DeviceChart = new ChartModel("ads-device-chart", "Cost by device", "doughnut", r.Devices.Select(d => d.Name).ToList(),
            [new ChartSeries("Cost ($)", r.Devices.Select(d => d.CostCents / 100.0).ToList(), ["#c2410c", "#2563eb", "#15803d", "#a16207", "#6b7280"])]);
        HourChart = new ChartModel("ads-hour-chart", "Clicks and conversions by hour", "bar", r.Hours.Select(h => h.Name).ToList(),
        [
            new ChartSeries("Clicks", r.Hours.Select(h => (double)h.Clicks).ToList(), ["#f59e0b"]),
            new ChartSeries("Conversions", r.Hours.Select(h => h.Conversions).ToList(), ["#15803d"]),
        ]);
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken cancellationToken)
    {
        var max = Cents(Rule.MaxCpa, "Rule.MaxCpa", required: true);
        var min = Cents(Rule.MinSpend, "Rule.MinSpend", required: false);
        if (ModelState.IsValid)
        {
            var result = await Api.SaveRuleAsync(null, new CpaAlertRuleRequest(string.IsNullOrEmpty(Rule.CampaignId) ? null : Rule.CampaignId, max, Rule.LookbackDays, min, true),
                cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = "CPA alert added: it is checked after each Google Ads sync.";
                return Redirect(Url.Page("/Admin/Marketing/Ads", new { From, To }) + "#cpa-rules");
            }

            ModelState.AddApiProblem(result.Problem, "Rule");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private long? Cents(string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError(field, "Enter an amount in dollars, such as 80 or 79.50.");
            }

            return null;
        }

        if (decimal.TryParse(text.Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var dollars) && dollars >= 0 && dollars < 1_000_000)
        {
            return (long)Math.Round(dollars * 100, MidpointRounding.AwayFromZero);
        }

        ModelState.AddModelError(field, "Enter an amount in dollars, such as 80 or 79.50.");
        return null;
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await Api.DeleteRuleAsync(id, cancellationToken);
        TempData["Flash"] = result.Succeeded ? "CPA alert removed." : result.Problem?.Message;
        return Redirect(Url.Page("/Admin/Marketing/Ads", new { From, To }) + "#cpa-rules");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await Api.AcknowledgeAsync(id, cancellationToken);
        TempData["Flash"] = result.Succeeded ? "Marked as seen." : result.Problem?.Message;
        return Redirect(Url.Page("/Admin/Marketing/Ads", new { From, To }) + "#cpa-rules");
    }
}
