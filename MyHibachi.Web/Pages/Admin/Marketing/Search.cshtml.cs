using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Admin.Marketing;

/// <summary>Search Console: clicks and impressions over the range (against the period before), top queries and pages, and the index status of the site's pages.</summary>
public sealed class SearchModel(MarketingClient api) : MarketingPage(api)
{
    public SearchReportDto? Report { get; private set; }

    public ChartModel? DailyChart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = Take(await Api.SearchAsync(Query, cancellationToken));
        Range = Report?.Range;
        if (Report is { } r)
        {
            DailyChart = new ChartModel("search-daily-chart", "Clicks and impressions by day", "line", r.Daily[0].Points.Select(p => Day(p.Date)).ToList(),
            [
                new ChartSeries("Clicks", r.Daily[0].Points.Select(p => p.Value).ToList(), ["#c2410c"]),
                new ChartSeries("Impressions ÷ 10", r.Daily[1].Points.Select(p => Math.Round(p.Value / 10, 1)).ToList(), ["#2563eb"]),
            ]);
        }
    }
}
