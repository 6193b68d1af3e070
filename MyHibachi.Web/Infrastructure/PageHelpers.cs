using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Infrastructure;

public static class PageHelpers
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Money(long cents) => (cents / 100m).ToString("C", Us);

    public static string Date(DateOnly date) => date.ToString("ddd, MMM d, yyyy", Us);

    public static string Time(string hhmm) =>
        TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToString("h:mm tt", Us) : hhmm;

    public static string Status(string status) => status switch
    {
        "NoShow" => "No-show",
        _ => status,
    };

    /// <summary>
    /// Puts the Api's field errors next to the matching inputs: "address.zip" → "Input.Address.Zip",
    /// "selections[0].code" → "Input.Selections[0].Code"; the rest (and the title) go to the summary.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary modelState, ApiProblem? problem, string prefix = "Input")
    {
        if (problem is null)
        {
            return;
        }

        if (problem.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(ToModelKey(field, prefix), message);
                }
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, problem.Message);
        }
    }

    public static string ToModelKey(string field, string prefix)
    {
        var key = new StringBuilder(prefix);
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            key.Append('.').Append(char.ToUpperInvariant(segment[0])).Append(segment[1..]);
        }

        return key.ToString();
    }

    /// <summary>An SVG text label (Razor reserves the &lt;text&gt; tag inside code blocks).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent SvgText(double x, double y, string content) =>
        new Microsoft.AspNetCore.Html.HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"middle\">{System.Net.WebUtility.HtmlEncode(content)}</text>"));

    /// <summary>A query string from the non-empty values.</summary>
    public static string Query(params (string Name, object? Value)[] values) =>
        string.Join('&', values
            .Where(v => v.Value is not null && !(v.Value is string s && string.IsNullOrWhiteSpace(s)))
            .Select(v => $"{v.Name}={Uri.EscapeDataString(Convert.ToString(v.Value, CultureInfo.InvariantCulture)!)}"));
}
