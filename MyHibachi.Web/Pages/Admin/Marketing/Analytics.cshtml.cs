using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Admin.Marketing;

/// <summary>GA4: visits and key events, channels and pages, and the landing → quote → booking form → booked → paid funnel (the last two steps from our own bookings).</summary>
public sealed class AnalyticsModel(MarketingClient api) : MarketingPage(api)
{
    public AnalyticsReportDto? Report { get; private set; }

    public ChartModel? DailyChart { get; private set; }

    public ChartModel? ChannelChart { get; private set; }

    public ChartModel? FunnelChart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = Take(await Api.AnalyticsAsync(Query, cancellationToken));
        Range = Report?.Range;
        if (Report is not { } r)
        {
            return;
        }

        DailyChart = new ChartModel("analytics-daily-chart", "Visits and key events by day", "line", r.Daily[0].Points.Select(p => Day(p.Date)).ToList(),
        [
            new ChartSeries("Sessions", r.Daily[0].Points.Select(p => p.Value).ToList(), ["#2563eb"]),
            new ChartSeries("Key events", r.Daily[1].Points.Select(p => p.Value).ToList(), ["#15803d"]),
        ]);
        ChannelChart = new ChartModel("analytics-channel-chart", "Sessions by channel", "doughnut", r.Channels.Select(c => c.Key).ToList(),
            [new ChartSeries("Sessions", r.Channels.Select(c => (double)c.Sessions).ToList(), ["#2563eb", "#c2410c", "#15803d", "#a16207", "#7c3aed", "#6b7280", "#0891b2"])]);
        FunnelChart = new ChartModel("analytics-funnel-chart", "From landing to booking", "bar", r.Funnel.Select(s => s.Name).ToList(),
            [new ChartSeries("Count", r.Funnel.Select(s => (double)s.Count).ToList(), r.Funnel.Select(s => s.Ours ? "#15803d" : "#2563eb").ToList())]);
    }
}
