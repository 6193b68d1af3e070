using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Channels;

namespace MyHibachi.Workers.Channels;

/// <summary>
/// RingCentral's REST API (no client package is available here): an access token from the JWT
/// credential (kept until a minute before it expires), SMS, call recordings, speech-to-text jobs and
/// IVR prompts. The server address is configurable (production, sandbox, or a local stand-in).
/// </summary>
public sealed class RingCentralClient(HttpClient http, IOptions<ChannelOptions> options, TimeProvider clock, ILogger<RingCentralClient> logger)
{
    public const string Name = "RingCentral";

    private static readonly SemaphoreSlim TokenLock = new(1, 1);
    private static (string Token, DateTimeOffset Expires)? _token;

    private RingCentralOptions Settings => options.Value.RingCentral;

    public bool CanSend => Settings.CanSend;

    /// <summary>Sends a text; returns RingCentral's message id.</summary>
    public async Task<string> SendSmsAsync(string from, string to, string text, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Post, "/restapi/v1.0/account/~/extension/~/sms", cancellationToken);
        request.Content = JsonContent.Create(new { from = new { phoneNumber = from }, to = new[] { new { phoneNumber = to } }, text });
        using var response = await SendAsync(request, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var id = json.RootElement.GetProperty("id");
        return id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;
    }

    /// <summary>
    /// The status of our texts sent since <paramref name="since"/>, by message id, from the message store
    /// (<c>GET …/message-store?messageType=SMS&amp;direction=Outbound</c>): Queued, Sent, Delivered,
    /// DeliveryFailed or SendingFailed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SmsStatusesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, string>();
        var path = $"/restapi/v1.0/account/~/extension/~/message-store?messageType=SMS&direction=Outbound&dateFrom={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture))}&perPage=1000";
        using var request = await RequestAsync(HttpMethod.Get, path, cancellationToken);
        using var response = await SendAsync(request, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var record in json.RootElement.GetProperty("records").EnumerateArray())
        {
            var id = record.GetProperty("id");
            if (record.TryGetProperty("messageStatus", out var status) && status.GetString() is { } value)
            {
                statuses[id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!] = value;
            }
        }

        return statuses;
    }

    /// <summary>The recording's bytes and type (audio/x-wav or audio/mpeg).</summary>
    public async Task<(byte[] Audio, string ContentType)> RecordingAsync(string recordingId, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/recording/{Uri.EscapeDataString(recordingId)}/content", cancellationToken);
        using var response = await SendAsync(request, cancellationToken);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType ?? "audio/x-wav");
    }

    /// <summary>
    /// RingCentral's own transcript of a recording (the asynchronous speech-to-text job, polled until it
    /// finishes); null when the account has no AI access (403/404) or the job failed, so the caller
    /// falls back to Deepgram.
    /// </summary>
    public async Task<string?> TranscriptAsync(string recordingId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var contentUri = new Uri(new Uri(Settings.ServerUrl), $"/restapi/v1.0/account/~/recording/{Uri.EscapeDataString(recordingId)}/content").ToString();
        using var start = await RequestAsync(HttpMethod.Post, "/ai/audio/v1/async/speech-to-text", cancellationToken);
        start.Content = JsonContent.Create(new { contentUri, encoding = "Wav", languageCode = "en-US", source = "RingCentral", audioType = "CallCenter", enablePunctuation = true });
        using var started = await http.SendAsync(start, cancellationToken);
        if (started.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Unauthorized)
        {
            logger.LogInformation("RingCentral has no speech-to-text for this account ({Status}); Deepgram will transcribe.", (int)started.StatusCode);
            return null;
        }

        if (!started.IsSuccessStatusCode)
        {
            throw await ProviderException.FromAsync(Name, started, cancellationToken);
        }

        var jobId = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("jobId").GetString();
        var deadline = clock.GetUtcNow() + wait;
        while (clock.GetUtcNow() < deadline)
        {
            using var poll = await RequestAsync(HttpMethod.Get, $"/ai/status/v1/jobs/{Uri.EscapeDataString(jobId!)}", cancellationToken);
            using var answer = await SendAsync(poll, cancellationToken);
            var job = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancellationToken)).RootElement;
            switch (job.TryGetProperty("status", out var status) ? status.GetString() : null)
            {
                case "Success":
                    return job.TryGetProperty("response", out var result) && result.TryGetProperty("transcript", out var transcript) ? transcript.GetString() : null;
                case "Fail" or "Failed":
                    return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), clock, cancellationToken);
        }

        return null;
    }

    /// <summary>Offers spoken audio to the phone system as an IVR prompt (a call flow or a call back plays it); returns the prompt id.</summary>
    public async Task<string> UploadPromptAsync(byte[] wav, string name, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Post, "/restapi/v1.0/account/~/ivr-prompts", cancellationToken);
        var form = new MultipartFormDataContent();
        var audio = new ByteArrayContent(wav);
        audio.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(audio, "attachment", "reply.wav");
        form.Add(new StringContent(name), "name");
        request.Content = form;
        using var response = await SendAsync(request, cancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(Settings.ServerUrl), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await ProviderHttp.SendAsync(http, request, Name, cancellationToken);
        }
        catch (ProviderException refused) when (refused.Status == 401)
        {
            _token = null; // a revoked or expired token: the next try signs in again
            throw;
        }
    }

    /// <summary>POST /restapi/oauth/token with the JWT bearer grant (Basic auth with the app's id and secret).</summary>
    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.Expires > clock.GetUtcNow())
        {
            return cached.Token;
        }

        await TokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && again.Expires > clock.GetUtcNow())
            {
                return again.Token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(Settings.ServerUrl), "/restapi/oauth/token"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                    ["assertion"] = Settings.Jwt ?? "",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.ClientId}:{Settings.ClientSecret}")));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                throw new ProviderException($"{Name} sign-in did not answer: {exception.Message}", transient: true);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await ProviderException.FromAsync(Name + " sign-in", response, cancellationToken);
                }

                var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
                var expires = token.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? s : 3600;
                _token = (token.GetProperty("access_token").GetString()!, clock.GetUtcNow().AddSeconds(Math.Max(30, expires - 60)));
                return _token.Value.Token;
            }
        }
        finally
        {
            TokenLock.Release();
        }
    }
}
