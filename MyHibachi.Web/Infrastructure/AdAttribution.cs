using System.Text.Json;

namespace MyHibachi.Web.Infrastructure;

/// <summary>
/// Remembers where a visitor came from: a page opened with utm_source / utm_medium / utm_campaign or a Google Ads
/// gclid is kept in a first-party cookie for 30 days (the last such visit wins), and the booking carries it, so the
/// marketing dashboards count paid bookings per ad campaign from our own data.
/// </summary>
public static class AdAttribution
{
    public const string CookieName = "mh_src";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static IApplicationBuilder UseAdAttribution(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var query = context.Request.Query;
        if (HttpMethods.IsGet(context.Request.Method) && (query.ContainsKey("utm_source") || query.ContainsKey("gclid") || query.ContainsKey("utm_campaign")))
        {
            var seen = new AttributionDto(Part(query["utm_source"]), Part(query["utm_medium"]), Part(query["utm_campaign"]), Part(query["gclid"]));
            context.Response.Cookies.Append(CookieName, JsonSerializer.Serialize(seen, JsonSerializerOptions.Web), new CookieOptions
            {
                HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = Lifetime, IsEssential = false, Path = "/",
            });
        }

        await next(context);
    });

    private static string? Part(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(200, value.Trim().Length)];

    /// <summary>The remembered source, or null (no cookie, or one that does not read).</summary>
    public static AttributionDto? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var json) || json.Length > 2000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AttributionDto>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
