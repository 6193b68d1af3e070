using System.Text;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Google;

/// <summary>
/// Cuts what a sync read into parts of whole days, oldest first, each small enough for one request to the Api. Every
/// part covers its days completely (days without rows included), so each part replaces exactly the days it names; the
/// campaigns, experiments and inspected pages ride with the first part (CPA alerts name their campaigns from the first
/// part on), and every part but the last says more follow.
/// </summary>
public static class MarketingParts
{
    /// <summary>A row's JSON beyond its text keys: the field names and the numbers.</summary>
    private const int RowOverheadBytes = 220;

    public static IReadOnlyList<MarketingDataReport> Split(MarketingDataReport report, string property, long maxBytes)
    {
        var facts = report.Facts ?? [];
        var byDay = facts.GroupBy(f => f.Date).ToDictionary(g => g.Key, g => g.ToList());
        var parts = new List<MarketingDataReport>();
        var from = report.From;
        var rows = new List<MarketingFact>();
        long bytes = 0;
        for (var day = report.From; day <= report.To; day = day.AddDays(1))
        {
            var today = byDay.GetValueOrDefault(day) ?? [];
            var size = today.Sum(Size);
            if (rows.Count > 0 && bytes + size > maxBytes)
            {
                parts.Add(Part(report, from, day.AddDays(-1), rows, property, first: parts.Count == 0, more: true));
                from = day;
                rows = [];
                bytes = 0;
            }

            rows.AddRange(today);
            bytes += size;
        }

        parts.Add(Part(report, from, report.To, rows, property, first: parts.Count == 0, more: false));
        return parts;
    }

    private static MarketingDataReport Part(MarketingDataReport report, DateOnly from, DateOnly to, List<MarketingFact> rows, string property, bool first, bool more) =>
        first
            ? new MarketingDataReport(from, to, rows, report.Campaigns, report.Experiments, report.Pages, null, property, more)
            : new MarketingDataReport(from, to, rows, null, null, null, null, property, more);

    public static long Size(MarketingFact fact) =>
        RowOverheadBytes + fact.Report.Length + Encoding.UTF8.GetByteCount(fact.Key1) + (fact.Key2 is null ? 0 : Encoding.UTF8.GetByteCount(fact.Key2));
}
