using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MyHibachi.TestSupport;

/// <summary>
/// A stand-in for Deepgram's pre-recorded API on 127.0.0.1: POST /v1/listen with raw audio and
/// "Authorization: Token &lt;key&gt;" (the scheme in any case), answered in Deepgram's response shape
/// (metadata, results.channels[0].alternatives[0].transcript/confidence/words). The transcript of each
/// recording is registered by the test, keyed by the audio's SHA-256.
/// </summary>
public sealed class LocalDeepgramServer : IAsyncDisposable
{
    private LocalProviderServer _server = null!;

    public Uri Address => _server.Address;

    public string ApiKey { get; } = "dg_" + Guid.NewGuid().ToString("N");

    public ConcurrentDictionary<string, string> Transcripts { get; } = new();

    public ConcurrentQueue<ReceivedRequest> Requests => _server.Requests;

    public void Register(byte[] audio, string transcript) => Transcripts[Convert.ToHexStringLower(SHA256.HashData(audio))] = transcript;

    public static async Task<LocalDeepgramServer> StartAsync()
    {
        var deepgram = new LocalDeepgramServer();
        deepgram._server = await LocalProviderServer.StartAsync(app => app.MapPost("/v1/listen", deepgram.Listen));
        return deepgram;
    }

    private async Task<IResult> Listen(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (!auth.StartsWith("token ", StringComparison.OrdinalIgnoreCase) || auth[6..] != ApiKey)
        {
            return Results.Json(new { err_code = "INVALID_AUTH", err_msg = "Invalid credentials.", request_id = Guid.NewGuid() }, statusCode: 401);
        }

        if (request.ContentType?.StartsWith("audio/", StringComparison.Ordinal) != true)
        {
            return Results.Json(new { err_code = "Bad Request", err_msg = "Bad Request: failed to process audio: corrupt or unsupported data", request_id = Guid.NewGuid() },
                statusCode: 400);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        var transcript = Transcripts.GetValueOrDefault(hash, "");
        var words = transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((w, i) => new { word = w.Trim('.', ',', '?', '!').ToLowerInvariant(), start = i * 0.4, end = i * 0.4 + 0.35, confidence = 0.98, punctuated_word = w })
            .ToArray();
        return Results.Json(new
        {
            metadata = new
            {
                transaction_key = "deprecated", request_id = Guid.NewGuid(), sha256 = hash, created = DateTimeOffset.UtcNow.ToString("O"), duration = words.Length * 0.4,
                channels = 1, models = new[] { "2187e11a-3532-4498-b076-81fa530bdd49" },
            },
            results = new { channels = new[] { new { alternatives = new[] { new { transcript, confidence = 0.97, words } } } } },
        });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
