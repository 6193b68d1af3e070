using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Channels;

namespace MyHibachi.Workers.Channels;

/// <summary>Deepgram's pre-recorded transcription: POST /v1/listen with the audio bytes, Authorization: Token &lt;key&gt;.</summary>
public sealed class DeepgramClient(HttpClient http, IOptions<ChannelOptions> options)
{
    public const string Name = "Deepgram";

    public bool Configured => options.Value.Deepgram.Configured;

    public async Task<string> TranscribeAsync(byte[] audio, string contentType, CancellationToken cancellationToken)
    {
        var settings = options.Value.Deepgram;
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri($"{settings.BaseUrl.TrimEnd('/')}/v1/listen?model={Uri.EscapeDataString(settings.Model)}&smart_format=true&punctuate=true"))
        {
            Content = new ByteArrayContent(audio) { Headers = { ContentType = new MediaTypeHeaderValue(contentType == "audio/x-wav" ? "audio/wav" : contentType) } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", settings.ApiKey);
        using var response = await ProviderHttp.SendAsync(http, request, Name, cancellationToken);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        return root.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0].GetProperty("transcript").GetString() ?? "";
    }
}
