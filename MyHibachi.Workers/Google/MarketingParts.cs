using System.Globalization;
using System.Text.Json;
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
    /// <summary>Room left in a request for the report's envelope and its campaigns, experiments and pages.</summary>
    private const long EnvelopeBytes = 256 * 1024;

    public static IReadOnlyList<MarketingDataReport> Split(MarketingDataReport report, string property, long maxBytes)
    {
        var facts = report.Facts ?? [];
        if (facts.FirstOrDefault(f => f.Date < report.From || f.Date > report.To) is { } stray)
        {
            // Google answered for a day it was not asked about: no part would carry it, so nothing is stored.
            throw new GoogleException($"{stray.Report} has a row for {Iso(stray.Date)}, outside {Iso(report.From)}..{Iso(report.To)}.", transient: false);
        }

        var byDay = facts.GroupBy(f => f.Date).ToDictionary(g => g.Key, g => g.ToList());
        var parts = new List<MarketingDataReport>();
        var from = report.From;
        var rows = new List<MarketingFact>();
        long bytes = 0;
        for (var day = report.From; day <= report.To; day = day.AddDays(1))
        {
            var today = byDay.GetValueOrDefault(day) ?? [];
            var size = today.Sum(Size);
            if (size > MarketingLimits.MaxReportBytes - EnvelopeBytes)
            {
                // A day is never split (a part replaces whole days): one this large cannot be stored, and trying again will not help.
                throw new GoogleException(
                    $"{Iso(day)} alone has {size / 1024 / 1024.0:0.0} MB of rows, more than the Api takes in one request ({MarketingLimits.MaxReportBytes / 1024 / 1024} MB); nothing from that day on was stored.",
                    transient: false);
            }

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

    /// <summary>A row's size as the Api client writes it (escapes included), with its separating comma.</summary>
    public static long Size(MarketingFact fact) => JsonSerializer.SerializeToUtf8Bytes(fact, ApiClients.ApiClient.Json).Length + 1;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
