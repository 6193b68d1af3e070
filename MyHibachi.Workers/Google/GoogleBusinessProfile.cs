using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Google;

public sealed record ReviewsRead(IReadOnlyList<GoogleReviewItem> Reviews, decimal? AverageRating, int? TotalReviewCount);

/// <summary>
/// Google Business Profile over REST: reviews (API v4 accounts.locations.reviews.list, pages of 50, and updateReply)
/// and the location's hours (Business Information v1 locations.patch with an updateMask).
/// </summary>
public sealed class GoogleBusinessProfile(GoogleApi google, IOptions<GoogleOptions> options)
{
    private string Reviews(string accountId, string locationId) =>
        $"{options.Value.BusinessProfileBaseUrl.TrimEnd('/')}/v4/accounts/{Uri.EscapeDataString(accountId)}/locations/{Uri.EscapeDataString(locationId)}/reviews";

    public async Task<ReviewsRead> ReadReviewsAsync(GoogleAccess access, string accountId, string locationId, CancellationToken cancellationToken)
    {
        var reviews = new List<GoogleReviewItem>();
        decimal? average = null;
        int? total = null;
        string? pageToken = null;
        do
        {
            var url = Reviews(accountId, locationId) + "?pageSize=50" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
            var body = (await google.SendAsync(access, HttpMethod.Get, url, null, "Reading Google reviews", cancellationToken)).EnsureOk("Reading Google reviews").Body!.Value;
            if (body.TryGetProperty("reviews", out var items))
            {
                reviews.AddRange(items.EnumerateArray().Select(Read).Where(r => r is not null)!);
            }

            average ??= body.TryGetProperty("averageRating", out var a) && a.TryGetDecimal(out var value) ? value : null;
            total ??= body.TryGetProperty("totalReviewCount", out var t) && t.TryGetInt32(out var count) ? count : null;
            pageToken = body.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(pageToken) && reviews.Count < 10_000);

        return new ReviewsRead(reviews, average, total);
    }

    public static int Stars(string? rating) => rating switch
    {
        "ONE" => 1,
        "TWO" => 2,
        "THREE" => 3,
        "FOUR" => 4,
        "FIVE" => 5,
        _ => 0,
    };

    private static GoogleReviewItem? Read(JsonElement review)
    {
        var stars = Stars(review.TryGetProperty("starRating", out var s) ? s.GetString() : null);
        var id = review.TryGetProperty("reviewId", out var r) ? r.GetString() : null;
        if (stars == 0 || string.IsNullOrEmpty(id))
        {
            return null;
        }

        string? reviewer = null;
        if (review.TryGetProperty("reviewer", out var who))
        {
            var anonymous = who.TryGetProperty("isAnonymous", out var a) && a.ValueKind == JsonValueKind.True;
            reviewer = anonymous ? null : who.TryGetProperty("displayName", out var n) ? n.GetString() : null;
        }

        string? reply = null;
        DateTimeOffset? repliedAt = null;
        if (review.TryGetProperty("reviewReply", out var answer))
        {
            reply = answer.TryGetProperty("comment", out var c) ? c.GetString() : null;
            repliedAt = Time(answer, "updateTime");
        }

        var created = Time(review, "createTime") ?? DateTimeOffset.UnixEpoch;
        return new GoogleReviewItem(id, reviewer, stars, review.TryGetProperty("comment", out var comment) ? comment.GetString() : null, created,
            Time(review, "updateTime") ?? created, reply, repliedAt);
    }

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Rfc3339(value.GetString()) : null;

    /// <summary>An RFC 3339 time as Google writes it, with up to nine fraction digits (.NET reads seven: the rest are dropped).</summary>
    public static DateTimeOffset? Rfc3339(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = text[..(dot + 8)] + text[end..];
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    public async Task ReplyAsync(GoogleAccess access, ReviewReplyPostDto reply, CancellationToken cancellationToken) =>
        (await google.SendAsync(access, HttpMethod.Put, $"{Reviews(reply.AccountId, reply.LocationId)}/{Uri.EscapeDataString(reply.ReviewId)}/reply",
            new { comment = reply.Text }, "Posting the reply", cancellationToken)).EnsureOk("Posting the reply");

    /// <summary>Writes the weekly and special hours (updateMask=regularHours,specialHours).</summary>
    public async Task WriteHoursAsync(GoogleAccess access, string locationId, IReadOnlyList<OpeningPeriodDto> regular, IReadOnlyList<SpecialDayDto> special,
        CancellationToken cancellationToken) =>
        (await google.SendAsync(access, HttpMethod.Patch,
            $"{options.Value.BusinessInformationBaseUrl.TrimEnd('/')}/v1/locations/{Uri.EscapeDataString(locationId)}?updateMask=regularHours,specialHours",
            HoursBody(regular, special), "Writing the hours", cancellationToken)).EnsureOk("Writing the hours");

    /// <summary>The Location fields for the hours, as Business Information v1 reads them (TimeOfDay with zero fields left out).</summary>
    public static object HoursBody(IReadOnlyList<OpeningPeriodDto> regular, IReadOnlyList<SpecialDayDto> special) => new
    {
        regularHours = new
        {
            periods = regular.Select(p => new
            {
                openDay = p.Day.ToUpperInvariant(), openTime = TimeOfDay(p.Open), closeDay = p.Day.ToUpperInvariant(), closeTime = TimeOfDay(p.Close),
            }).ToList(),
        },
        specialHours = new
        {
            specialHourPeriods = special.Select(d => d.Closed
                ? (object)new { startDate = Date(d.Date), closed = true }
                : new { startDate = Date(d.Date), openTime = TimeOfDay(d.Open!), endDate = Date(d.Date), closeTime = TimeOfDay(d.Close!) }).ToList(),
        },
    };

    private static Dictionary<string, int> TimeOfDay(string hhmm)
    {
        var hours = int.Parse(hhmm[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(hhmm[3..], CultureInfo.InvariantCulture);
        var time = new Dictionary<string, int>();
        if (hours != 0)
        {
            time["hours"] = hours;
        }

        if (minutes != 0)
        {
            time["minutes"] = minutes;
        }

        return time;
    }

    private static object Date(DateOnly date) => new { year = date.Year, month = date.Month, day = date.Day };
}
