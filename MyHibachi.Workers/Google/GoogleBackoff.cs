using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MyHibachi.Workers.Google;

/// <summary>
/// How long to wait before trying Google again. Google documents exponential back-off and, for some APIs, a delay
/// in the error body (google.rpc RetryInfo <c>retryDelay</c>, Ads <c>quotaErrorDetails.retryDelay</c>); a
/// <c>Retry-After</c> header is honoured when one comes. Whatever the source, the wait is capped.
/// </summary>
public static class GoogleBackoff
{
    /// <summary>Statuses worth another try: rate limits and server trouble (403 only with a rate-limit reason).</summary>
    public static bool IsRetryable(int status, string? reason) =>
        status is 429 or 500 or 502 or 503 or 504
        || (status == 403 && reason is "rateLimitExceeded" or "userRateLimitExceeded" or "quotaExceeded");

    /// <summary>
    /// The wait before try <paramref name="attempt"/> + 1: the server's word (header, then body) when it gave one, else
    /// first × 2^(attempt−1) with ±20 % jitter (<paramref name="jitter"/> in [0, 1)), never more than <paramref name="max"/>.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, TimeSpan? bodyDelay, TimeSpan first, TimeSpan max, double jitter)
    {
        var told = retryAfter ?? bodyDelay;
        if (told is { } wait && wait >= TimeSpan.Zero)
        {
            return wait < max ? wait : max;
        }

        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var withJitter = exponential * (0.8 + (0.4 * jitter));
        return TimeSpan.FromMilliseconds(Math.Min(withJitter, max.TotalMilliseconds));
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) =>
        header?.Delta ?? (header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null);

    /// <summary>A proto3 Duration ("30s", "1.5s") anywhere Google puts one in an error body.</summary>
    public static TimeSpan? BodyDelay(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var detail in details.EnumerateArray())
        {
            if (detail.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            // google.rpc.RetryInfo
            if (detail.TryGetProperty("retryDelay", out var delay) && Duration(delay.GetString()) is { } d)
            {
                return d;
            }

            // Google Ads: GoogleAdsFailure.errors[].details.quotaErrorDetails.retryDelay
            if (detail.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in errors.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("details", out var more) && more.ValueKind == JsonValueKind.Object
                        && more.TryGetProperty("quotaErrorDetails", out var quota) && quota.TryGetProperty("retryDelay", out var q) && Duration(q.GetString()) is { } qd)
                    {
                        return qd;
                    }
                }
            }
        }

        return null;
    }

    public static TimeSpan? Duration(string? text) =>
        text is { Length: > 1 } && text.EndsWith('s') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>The reason of a Google error body: the legacy <c>errors[0].reason</c>, the google.rpc ErrorInfo reason, or the status name.</summary>
    public static string? Reason(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("error", out var error))
        {
            return null;
        }

        if (error.ValueKind == JsonValueKind.String)
        {
            return error.GetString(); // the token endpoint: {"error":"invalid_grant"}
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in errors.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("reason", out var reason))
                {
                    return reason.GetString();
                }
            }
        }

        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in details.EnumerateArray())
            {
                if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                {
                    return reason.GetString();
                }
            }
        }

        return error.TryGetProperty("status", out var status) ? status.GetString() : null;
    }

    public static string? Message(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("error", out var error))
        {
            return null;
        }

        if (error.ValueKind == JsonValueKind.String)
        {
            return root.TryGetProperty("error_description", out var description) ? $"{error.GetString()}: {description.GetString()}" : error.GetString();
        }

        return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) ? message.GetString() : null;
    }
}
