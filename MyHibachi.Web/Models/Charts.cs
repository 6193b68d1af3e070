using System.Text.Json;

namespace MyHibachi.Web.Models;

/// <summary>One line or bar series of a chart: a label, a value per category and its colour(s).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> Values, IReadOnlyList<string> Colors);

/// <summary>
/// A chart as the <c>_Chart</c> partial draws it: Chart.js (served from the site's own files, so
/// it works under the strict Content-Security-Policy) reads this spec from the canvas's
/// <c>data-chart</c> attribute; the same numbers are in a table beside it for screen readers and
/// browsers without JavaScript.
/// </summary>
public sealed record ChartModel(string Id, string Title, string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Stacked = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Spec => JsonSerializer.Serialize(new { Type, Labels, Series, Stacked }, Json);
}
