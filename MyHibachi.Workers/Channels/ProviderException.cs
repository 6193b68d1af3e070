namespace MyHibachi.Workers.Channels;

/// <summary>
/// A provider said no. <see cref="Transient"/> (timeouts, 429, 5xx) is tried again later; otherwise
/// (a bad number, a refused template) the message fails for staff to see.
/// </summary>
public sealed class ProviderException(string message, bool transient, int? code = null) : Exception(message)
{
    public bool Transient { get; } = transient;

    public int? Code { get; } = code;

    public static async Task<ProviderException> FromAsync(string provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        int? code = null;
        var detail = body.Length > 300 ? body[..300] : body;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                // Meta's Graph errors: {"error":{"message","code","error_data":{"details"}}}
                code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
                detail = error.TryGetProperty("message", out var m) ? m.GetString() ?? detail : detail;
            }
            else if (root.TryGetProperty("message", out var message))
            {
                // RingCentral: {"errorCode","message","errors":[...]}
                detail = message.GetString() ?? detail;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var transient = status is 408 or 429 or >= 500;
        return new ProviderException($"{provider} answered {status}: {detail}", transient, code);
    }
}
