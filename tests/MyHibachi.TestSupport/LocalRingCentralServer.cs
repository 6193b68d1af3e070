using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MyHibachi.TestSupport;

/// <summary>
/// A stand-in for RingCentral's platform on 127.0.0.1, speaking its documented wire format: the
/// JWT-bearer token endpoint (Basic auth with the app's id and secret), Bearer-checked REST calls,
/// SMS sends answered with an integer id and "Queued", recordings as audio/x-wav, the asynchronous
/// speech-to-text job (or 403 for an account without AI), IVR prompt uploads, and webhooks sent as
/// RingCentral sends them: the empty-body Validation-Token handshake and notifications carrying the
/// subscription's Verification-Token (RingCentral documents no body signature).
/// </summary>
public sealed class LocalRingCentralServer : IAsyncDisposable
{
    private readonly HttpClient _webhooks = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, string> _jobs = new();
    private LocalProviderServer _server = null!;
    private long _ids = 700_000_000_000;
    private string? _token;

    public Uri Address => _server.Address;

    public string ClientId { get; } = "rc-client-" + Guid.NewGuid().ToString("N")[..8];

    public string ClientSecret { get; } = "rc-secret-" + Guid.NewGuid().ToString("N");

    public string Jwt { get; } = "eyJhbGciOiJSUzI1NiJ9.local." + Guid.NewGuid().ToString("N");

    public string WebhookSecret { get; } = "rc-verify-" + Guid.NewGuid().ToString("N");

    public string OurNumber { get; } = "+14045550100";

    public ConcurrentQueue<ReceivedRequest> Requests => _server.Requests;

    /// <summary>Every SMS sent: (from, to, text, id).</summary>
    public ConcurrentQueue<(string From, string To, string Text, long Id)> Sent { get; } = new();

    /// <summary>True answers 503 to every SMS (an outage); the messages must wait and go later.</summary>
    public bool Down { get; set; }

    /// <summary>Recordings by id: WAV bytes served as audio/x-wav.</summary>
    public ConcurrentDictionary<string, byte[]> Recordings { get; } = new();

    /// <summary>RingCentral's transcript of a recording; a recording without one gets 403 (no AI access) from speech-to-text.</summary>
    public ConcurrentDictionary<string, string> Transcripts { get; } = new();

    public ConcurrentQueue<string> Prompts { get; } = new();

    /// <summary>What the message store says of each text we were sent (Queued at first; a test moves it to Delivered or DeliveryFailed).</summary>
    public ConcurrentDictionary<long, string> Statuses { get; } = new();

    public int TokensIssued { get; private set; }

    public static async Task<LocalRingCentralServer> StartAsync()
    {
        var rc = new LocalRingCentralServer();
        rc._server = await LocalProviderServer.StartAsync(app =>
        {
            app.MapPost("/restapi/oauth/token", rc.Token);
            app.MapPost("/restapi/v1.0/account/~/extension/~/sms", rc.Sms);
            app.MapGet("/restapi/v1.0/account/~/extension/~/message-store", rc.MessageStore);
            app.MapGet("/restapi/v1.0/account/~/recording/{id}/content", rc.Recording);
            app.MapPost("/ai/audio/v1/async/speech-to-text", rc.SpeechToText);
            app.MapGet("/ai/status/v1/jobs/{id}", rc.Job);
            app.MapPost("/restapi/v1.0/account/~/ivr-prompts", rc.Prompt);
        });
        return rc;
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        var form = await request.ReadFormAsync();
        if (request.Headers.Authorization != $"Basic {basic}")
        {
            return Results.Json(new { error = "invalid_client", error_description = "Invalid client: " + ClientId }, statusCode: 401);
        }

        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || form["assertion"] != Jwt)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Invalid JWT token" }, statusCode: 400);
        }

        _token = "U1BCMDFUMDRKV1MwMXxB" + Guid.NewGuid().ToString("N");
        TokensIssued++;
        return Results.Json(new
        {
            access_token = _token, token_type = "bearer", expires_in = 3600, refresh_token = "r-" + Guid.NewGuid().ToString("N"),
            refresh_token_expires_in = 604800, scope = "SMS ReadMessages ReadCallRecording CallControl", owner_id = "256440016",
        });
    }

    private bool Authorized(HttpRequest request) => _token is not null && request.Headers.Authorization == "Bearer " + _token;

    private static IResult Unauthorized() =>
        Results.Json(new { errorCode = "TokenInvalid", message = "Invalid token", errors = new[] { new { errorCode = "OAU-213", message = "Token not found" } } },
            statusCode: 401);

    private async Task<IResult> Sms(HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Unauthorized();
        }

        if (Down)
        {
            return Results.Json(new { errorCode = "CMN-211", message = "Service Temporary Unavailable" }, statusCode: 503);
        }

        var body = await JsonNode.ParseAsync(request.Body);
        var from = body?["from"]?["phoneNumber"]?.GetValue<string>();
        var to = body?["to"]?[0]?["phoneNumber"]?.GetValue<string>();
        var text = body?["text"]?.GetValue<string>();
        if (from is null || to is null || string.IsNullOrEmpty(text))
        {
            return Results.Json(new { errorCode = "CMN-101", message = "Parameter [to] value is invalid" }, statusCode: 400);
        }

        if (from != OurNumber)
        {
            return Results.Json(new { errorCode = "MSG-304", message = "Phone number doesn't belong to extension" }, statusCode: 400);
        }

        var id = Interlocked.Increment(ref _ids);
        Statuses[id] = "Queued";
        Sent.Enqueue((from, to, text, id));
        return Results.Json(new
        {
            uri = $"https://platform.ringcentral.com/restapi/v1.0/account/1/extension/1/message-store/{id}", id,
            to = new[] { new { phoneNumber = to, messageStatus = "Queued" } }, from = new { phoneNumber = from }, type = "SMS",
            creationTime = DateTimeOffset.UtcNow.ToString("O"), readStatus = "Read", priority = "Normal", direction = "Outbound", availability = "Alive",
            subject = text, messageStatus = "Queued", conversationId = id + 1, lastModifiedTime = DateTimeOffset.UtcNow.ToString("O"),
        });
    }

    /// <summary>The message list: our outbound texts with their current messageStatus, as RingCentral's message store lists them.</summary>
    private IResult MessageStore(HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Unauthorized();
        }

        if (request.Query["messageType"] != "SMS" || request.Query["direction"] != "Outbound" || !DateTimeOffset.TryParse(request.Query["dateFrom"], out _))
        {
            return Results.Json(new { errorCode = "CMN-101", message = "Parameter [dateFrom] value is invalid" }, statusCode: 400);
        }

        var records = Sent.Select(s => new
        {
            uri = $"https://platform.ringcentral.com/restapi/v1.0/account/1/extension/1/message-store/{s.Id}", id = s.Id, type = "SMS", direction = "Outbound",
            to = new[] { new { phoneNumber = s.To } }, from = new { phoneNumber = s.From }, subject = s.Text, messageStatus = Statuses.GetValueOrDefault(s.Id, "Sent"),
        }).ToList();
        return Results.Json(new { uri = "https://platform.ringcentral.com/restapi/v1.0/account/1/extension/1/message-store", records,
            paging = new { page = 1, totalPages = 1, perPage = 1000, totalElements = records.Count, pageStart = 0, pageEnd = Math.Max(0, records.Count - 1) },
            navigation = new { firstPage = new { uri = "…" } } });
    }

    private IResult Recording(string id, HttpRequest request) =>
        !Authorized(request) ? Unauthorized()
        : Recordings.TryGetValue(id, out var audio) ? Results.Bytes(audio, "audio/x-wav")
        : Results.Json(new { errorCode = "CMN-102", message = $"Resource for parameter [recordingId] is not found" }, statusCode: 404);

    private async Task<IResult> SpeechToText(HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Unauthorized();
        }

        var body = await JsonNode.ParseAsync(request.Body);
        var uri = body?["contentUri"]?.GetValue<string>() ?? "";
        var recording = uri.Split('/').SkipWhile(p => p != "recording").Skip(1).FirstOrDefault();
        if (recording is null || !Transcripts.TryGetValue(recording, out var transcript))
        {
            return Results.Json(new { errorCode = "CMN-401", message = "In order to call this API endpoint, application needs to have [AI] permission" }, statusCode: 403);
        }

        var job = Guid.NewGuid().ToString();
        _jobs[job] = transcript;
        return Results.Json(new { jobId = job }, statusCode: 202);
    }

    private IResult Job(string id, HttpRequest request) =>
        !Authorized(request) ? Unauthorized()
        : _jobs.TryGetValue(id, out var transcript)
            ? Results.Json(new
            {
                jobId = id, api = "/ai/audio/v1/async/speech-to-text", creationTime = DateTimeOffset.UtcNow.ToString("O"), completionTime = DateTimeOffset.UtcNow.ToString("O"),
                status = "Success", response = new { confidence = 0.93, transcript, utterances = Array.Empty<object>(), speakerCount = 2 },
            })
            : Results.Json(new { errorCode = "CMN-102", message = "Job not found" }, statusCode: 404);

    private async Task<IResult> Prompt(HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Unauthorized();
        }

        var form = await request.ReadFormAsync();
        var file = form.Files["attachment"];
        if (file is null || file.Length < 44)
        {
            return Results.Json(new { errorCode = "CMN-101", message = "Parameter [attachment] is required" }, statusCode: 400);
        }

        var id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Prompts.Enqueue(form["name"].ToString());
        return Results.Json(new { id, uri = $"https://platform.ringcentral.com/restapi/v1.0/account/1/ivr-prompts/{id}", contentType = "audio/wav", filename = file.FileName });
    }

    /// <summary>What RingCentral does when a webhook subscription is created: an empty POST with Validation-Token; true when it was echoed with a 200.</summary>
    public async Task<bool> HandshakeAsync(Uri webhook)
    {
        var token = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent([]) };
        request.Headers.Add("Validation-Token", token);
        request.Headers.Add("Verification-Token", WebhookSecret);
        using var response = await _webhooks.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues("Validation-Token", out var echoed) && echoed.Single() == token;
    }

    /// <summary>Posts a notification as RingCentral does (Verification-Token header, its user agent); the answer's status.</summary>
    public async Task<HttpStatusCode> NotifyAsync(Uri webhook, string notification, string? verificationToken = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(notification, Encoding.UTF8, "application/json") };
        if (withToken)
        {
            request.Headers.Add("Verification-Token", verificationToken ?? WebhookSecret);
        }

        request.Headers.UserAgent.ParseAdd("RingCentral-Webhook/8.3");
        using var response = await _webhooks.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>An inbound SMS notification (message-store/instant), as documented.</summary>
    public string InboundSms(string from, string text, string? id = null, string? name = null) => new JsonObject
    {
        ["uuid"] = Guid.NewGuid().ToString(),
        ["event"] = "/restapi/v1.0/account/~/extension/823476228762/message-store/instant?type=SMS",
        ["subscriptionId"] = "dc853541-" + Guid.NewGuid().ToString("N")[..8],
        ["ownerId"] = "823476228762",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["body"] = new JsonObject
        {
            ["id"] = id ?? Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = new JsonArray(new JsonObject { ["phoneNumber"] = OurNumber, ["location"] = "Atlanta, GA" }),
            ["from"] = new JsonObject { ["phoneNumber"] = from, ["name"] = name },
            ["type"] = "SMS", ["creationTime"] = DateTimeOffset.UtcNow.ToString("O"), ["lastModifiedTime"] = DateTimeOffset.UtcNow.ToString("O"),
            ["readStatus"] = "Unread", ["priority"] = "Normal",
            ["attachments"] = new JsonArray(new JsonObject { ["id"] = "1", ["type"] = "Text", ["contentType"] = "text/plain" }),
            ["direction"] = "Inbound", ["availability"] = "Alive", ["subject"] = text, ["messageStatus"] = "Received",
            ["conversationId"] = "7876416245344257449",
        },
    }.ToJsonString();

    /// <summary>A telephony session event for our extension's party (Setup, Answered, VoiceMail, Disconnected...).</summary>
    public string CallEvent(string session, string caller, string code, string? reason = null, bool missed = false, string? recordingId = null,
        DateTimeOffset? at = null) => new JsonObject
    {
        ["uuid"] = Guid.NewGuid().ToString(),
        ["event"] = "/restapi/v1.0/account/~/extension/~/telephony/sessions",
        ["subscriptionId"] = "sub-1",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["body"] = new JsonObject
        {
            ["sequence"] = 5, ["sessionId"] = "4" + session, ["telephonySessionId"] = session, ["serverId"] = "10.13.22.241.TAM",
            ["eventTime"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
            ["origin"] = new JsonObject { ["type"] = "Call" },
            ["parties"] = new JsonArray(new JsonObject
            {
                ["accountId"] = "1", ["extensionId"] = "809646016", ["id"] = "p-" + session + "-2", ["direction"] = "Inbound",
                ["to"] = new JsonObject { ["phoneNumber"] = OurNumber, ["name"] = "MyHibachi", ["extensionId"] = "809646016" },
                ["from"] = new JsonObject { ["phoneNumber"] = caller },
                ["recordings"] = recordingId is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = recordingId, ["active"] = false }),
                ["status"] = new JsonObject { ["code"] = code, ["reason"] = reason, ["rcc"] = false },
                ["park"] = new JsonObject(), ["missedCall"] = missed, ["standAlone"] = false, ["muted"] = false,
            }),
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        _webhooks.Dispose();
        await _server.DisposeAsync();
    }
}
