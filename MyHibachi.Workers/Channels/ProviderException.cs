namespace MyHibachi.Workers.Channels;

/// <summary>
/// A provider said no. <see cref="Transient"/> (timeouts, 429, 5xx) is tried again later; otherwise
/// (a bad number, a refused template) the message fails for staff to see.
/// </summary>
public sealed class ProviderException(string message, bool transient, int? code = null, int? status = null) : Exception(message)
{
    public bool Transient { get; } = transient;

    /// <summary>The provider's own error code (Meta's 131047, …).</summary>
    public int? Code { get; } = code;

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public int? Status { get; } = status;

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
        return new ProviderException($"{provider} answered {status}: {detail}", transient, code, status);
    }
}

public static class ProviderHttp
{
    /// <summary>
    /// Sends a request to a provider: no answer or a timeout is a transient <see cref="ProviderException"/>;
    /// an error answer is read into one (transient for 408, 429 and 5xx). The caller disposes the response.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string provider, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ProviderException($"{provider} did not answer: {exception.Message}", transient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException($"{provider} timed out.", transient: true);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProviderException.FromAsync(provider, response, cancellationToken);
            }
        }

        return response;
    }
}
