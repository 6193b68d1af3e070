using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MyHibachi.TestSupport;

/// <summary>
/// A stand-in for Meta's Graph API and its webhooks on 127.0.0.1: WhatsApp Cloud API sends (text and
/// template) answered with a wamid, Messenger/Instagram sends through the page, comment replies and
/// hiding; Graph error envelopes; webhooks signed as Meta signs them (X-Hub-Signature-256: sha256=hex
/// HMAC of the raw body with the app secret) and the hub.* verification request. Free text to a
/// WhatsApp number outside the 24-hour window is accepted, then failed by a status webhook with 131047.
/// </summary>
public sealed class LocalMetaServer : IAsyncDisposable
{
    public const string Version = "v21.0";

    private readonly HttpClient _webhooks = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalProviderServer _server = null!;
    private long _ids;

    public Uri Address => _server.Address;

    public string AppSecret { get; } = "meta-secret-" + Guid.NewGuid().ToString("N");

    public string VerifyToken { get; } = "meta-verify-" + Guid.NewGuid().ToString("N")[..10];

    public string WhatsAppToken { get; } = "EAAwa" + Guid.NewGuid().ToString("N");

    public string PageToken { get; } = "EAApage" + Guid.NewGuid().ToString("N");

    public string PhoneNumberId { get; } = "106540352242922";

    public string PageId { get; } = "1122334455";

    public string InstagramId { get; } = "17841400000000";

    /// <summary>Where webhooks go (the Api's /api/v1/webhooks/meta).</summary>
    public Uri? WebhookUrl { get; set; }

    public ConcurrentQueue<ReceivedRequest> Requests => _server.Requests;

    /// <summary>Every message sent: (kind "whatsapp"|"whatsapp-template"|"page"|"comment-reply"|"hide", to, text, id).</summary>
    public ConcurrentQueue<(string Kind, string To, string Text, string Id)> Sent { get; } = new();

    /// <summary>WhatsApp ids whose 24-hour window has closed: free text to them fails with 131047 (status webhook).</summary>
    public ConcurrentDictionary<string, bool> OutsideWindow { get; } = new();

    public bool Down { get; set; }

    public static async Task<LocalMetaServer> StartAsync()
    {
        var meta = new LocalMetaServer();
        meta._server = await LocalProviderServer.StartAsync(app =>
        {
            app.MapPost($"/{Version}/{{node}}/messages", meta.Messages);
            app.MapPost($"/{Version}/{{comment}}/comments", (string comment, HttpRequest r) => meta.CommentReply(comment, r, "comment-reply"));
            app.MapPost($"/{Version}/{{comment}}/replies", (string comment, HttpRequest r) => meta.CommentReply(comment, r, "comment-reply"));
            app.MapPost($"/{Version}/{{comment}}", meta.Hide);
        });
        return meta;
    }

    private static IResult Error(int status, int code, string message, string type = "OAuthException") =>
        Results.Json(new { error = new { message, type, code, fbtrace_id = "A" + Guid.NewGuid().ToString("N")[..10] } }, statusCode: status);

    private async Task<IResult> Messages(string node, HttpRequest request)
    {
        if (Down)
        {
            return Error(503, 2, "(#2) Service temporarily unavailable");
        }

        var body = await JsonNode.ParseAsync(request.Body);
        if (node == PhoneNumberId)
        {
            if (request.Headers.Authorization != "Bearer " + WhatsAppToken)
            {
                return Error(401, 190, "Invalid OAuth access token - Cannot parse access token");
            }

            var to = body?["to"]?.GetValue<string>() ?? "";
            var type = body?["type"]?.GetValue<string>();
            var id = "wamid.HBgL" + Interlocked.Increment(ref _ids) + Guid.NewGuid().ToString("N")[..12];
            if (type == "template")
            {
                var text = body?["template"]?["components"]?[0]?["parameters"]?[0]?["text"]?.GetValue<string>() ?? "";
                Sent.Enqueue(("whatsapp-template:" + body?["template"]?["name"]?.GetValue<string>(), to, text, id));
            }
            else if (type == "text")
            {
                Sent.Enqueue(("whatsapp", to, body?["text"]?["body"]?.GetValue<string>() ?? "", id));
                if (OutsideWindow.ContainsKey(to))
                {
                    _ = Task.Run(async () =>
                    {
                        await Task.Delay(200);
                        await SendWebhookAsync(WhatsAppStatus(id, to, "failed", 131047));
                    });
                }
            }
            else
            {
                return Error(400, 100, "(#100) Invalid parameter");
            }

            return Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = to, wa_id = to } }, messages = new[] { new { id } } });
        }

        if (node == PageId)
        {
            if (request.Headers.Authorization != "Bearer " + PageToken)
            {
                return Error(401, 190, "Invalid OAuth access token");
            }

            var recipient = body?["recipient"]?["id"]?.GetValue<string>() ?? "";
            var id = "m_" + Guid.NewGuid().ToString("N");
            Sent.Enqueue(("page", recipient, body?["message"]?["text"]?.GetValue<string>() ?? "", id));
            return Results.Json(new { recipient_id = recipient, message_id = id });
        }

        return Error(400, 100, $"(#100) Unsupported post request. Object with ID '{node}' does not exist");
    }

    private async Task<IResult> CommentReply(string comment, HttpRequest request, string kind)
    {
        if (request.Headers.Authorization != "Bearer " + PageToken)
        {
            return Error(401, 190, "Invalid OAuth access token");
        }

        var form = await request.ReadFormAsync();
        var id = comment + "_r" + Interlocked.Increment(ref _ids);
        Sent.Enqueue((kind, comment, form["message"].ToString(), id));
        return Results.Json(new { id });
    }

    private async Task<IResult> Hide(string comment, HttpRequest request)
    {
        if (request.Headers.Authorization != "Bearer " + PageToken)
        {
            return Error(401, 190, "Invalid OAuth access token");
        }

        var form = await request.ReadFormAsync();
        var value = form.ContainsKey("hide") ? "hide=" + form["hide"] : form.ContainsKey("is_hidden") ? "is_hidden=" + form["is_hidden"] : null;
        if (value is null)
        {
            return Error(400, 100, "(#100) No fields to update");
        }

        Sent.Enqueue(("hide", comment, value, comment));
        return Results.Json(new { success = true });
    }

    public string Sign(string body, string? secret = null) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? AppSecret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Posts a webhook body as Meta does (signed); the answer's status.</summary>
    public async Task<HttpStatusCode> SendWebhookAsync(string body, string? signature = null, bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? Sign(body));
        }

        request.Headers.UserAgent.ParseAdd("facebookexternalua");
        using var response = await _webhooks.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The subscription check Meta makes: GET with hub.mode, hub.verify_token and hub.challenge; status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> VerifyAsync(string? token = null)
    {
        var challenge = Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await _webhooks.GetAsync(new Uri(WebhookUrl!,
            $"?hub.mode=subscribe&hub.challenge={challenge}&hub.verify_token={Uri.EscapeDataString(token ?? VerifyToken)}"));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body == challenge ? "challenge:" + body : body);
    }

    public string WhatsAppText(string from, string text, string? id = null, string name = "Sheena Nelson") => Envelope("whatsapp_business_account", "waba-1",
        new JsonObject
        {
            ["field"] = "messages",
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "14045550100", ["phone_number_id"] = PhoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from }),
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["from"] = from, ["id"] = id ?? "wamid.IN" + Guid.NewGuid().ToString("N"), ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
                }),
            },
        });

    public string WhatsAppStatus(string wamid, string recipient, string status, int? errorCode = null)
    {
        var entry = new JsonObject
        {
            ["id"] = wamid, ["status"] = status, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
        };
        if (errorCode is { } code)
        {
            entry["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code, ["title"] = "Re-engagement message", ["message"] = "Re-engagement message",
                ["error_data"] = new JsonObject { ["details"] = "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
                ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            });
        }

        return Envelope("whatsapp_business_account", "waba-1", new JsonObject
        {
            ["field"] = "messages",
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "14045550100", ["phone_number_id"] = PhoneNumberId },
                ["statuses"] = new JsonArray(entry),
            },
        });
    }

    public string Messenger(string psid, string text, string? mid = null) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = psid }, ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["message"] = new JsonObject { ["mid"] = mid ?? "mid." + Guid.NewGuid().ToString("N"), ["text"] = text },
            }),
        }),
    }.ToJsonString();

    public string MessengerRead(string psid, DateTimeOffset watermark) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = psid }, ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["read"] = new JsonObject { ["watermark"] = watermark.ToUnixTimeMilliseconds() },
            }),
        }),
    }.ToJsonString();

    public string InstagramComment(string commentId, string fromId, string username, string text) => Envelope("instagram", InstagramId, new JsonObject
    {
        ["field"] = "comments",
        ["value"] = new JsonObject
        {
            ["id"] = commentId, ["from"] = new JsonObject { ["id"] = fromId, ["username"] = username }, ["text"] = text,
            ["media"] = new JsonObject { ["id"] = "17900000000001", ["media_product_type"] = "FEED" },
        },
    });

    private static string Envelope(string kind, string id, JsonObject change) => new JsonObject
    {
        ["object"] = kind,
        ["entry"] = new JsonArray(new JsonObject { ["id"] = id, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["changes"] = new JsonArray(change) }),
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        _webhooks.Dispose();
        await _server.DisposeAsync();
    }
}
