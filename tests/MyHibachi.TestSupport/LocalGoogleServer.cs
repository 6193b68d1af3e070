using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MyHibachi.TestSupport;

/// <summary>
/// A stand-in for Google on 127.0.0.1, speaking the documented wire formats: the OAuth 2.0 token endpoint
/// (refresh-token grant, and the JWT-bearer grant with the RS256 signature checked against a service account's
/// public key), and Calendar v3 (events.list with pages, sync tokens and 410 fullSyncRequired; insert with our
/// ids and 409 duplicate; patch; delete with 410 deleted; events.watch, which then POSTs sync and exists
/// notifications with the X-Goog-* headers; channels.stop). Every API call needs a live bearer token (401 in
/// the API's own envelope otherwise). Tests can inject failures (429 with a delay, 500) and expire tokens.
/// </summary>
public sealed class LocalGoogleServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GoogleCalendarState> _calendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Injected> _failures = new();
    private readonly HttpClient _notifier = new();
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _edits = new(StringComparer.Ordinal);

    /// <summary>Business Information's limit of edits per profile per minute.</summary>
    public int EditsPerMinute { get; set; } = 10;
    private long _sequence;
    private long _oldestValidSync;
    private long _messageNumber;
    private LocalProviderServer _server = null!;

    public Uri Address => _server.Address;

    public string TokenEndpoint => new Uri(Address, "/token").ToString();

    public string CalendarBaseUrl => new Uri(Address, "/calendar/v3/").ToString();

    /// <summary>Business Profile v4 and Business Information v1 are both served from the root.</summary>
    public string RootUrl => Address.ToString();

    /// <summary>Search Console, Google Ads and GA4 (their data and controls).</summary>
    public LocalGoogleMarketing Marketing { get; private set; } = null!;

    public ConcurrentQueue<ReceivedRequest> Requests => _server.Requests;

    public string ClientId { get; } = "1234-test.apps.googleusercontent.com";

    public string ClientSecret { get; } = "GOCSPX-" + Guid.NewGuid().ToString("N");

    public string RefreshToken { get; private set; } = "1//0g" + Guid.NewGuid().ToString("N");

    /// <summary>A service account's key pair: the private half goes in the key file the test gives the Api.</summary>
    public RSA ServiceAccountKey { get; } = RSA.Create(2048);

    public string ServiceAccountEmail { get; } = "myhibachi-sync@test-project.iam.gserviceaccount.com";

    /// <summary>How many events one page of events.list holds at most (small in tests, to exercise paging).</summary>
    public int PageSize { get; set; } = 2500;

    /// <summary>Seconds an issued access token lives (Google: 3599).</summary>
    public int TokenLifetimeSeconds { get; set; } = 3599;

    public int TokensIssued;

    public string ServiceAccountKeyFile => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["project_id"] = "test-project",
        ["private_key_id"] = "k1",
        ["private_key"] = ServiceAccountKey.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ServiceAccountEmail,
        ["client_id"] = "1000000001",
        ["token_uri"] = TokenEndpoint,
    });

    public static async Task<LocalGoogleServer> StartAsync()
    {
        var google = new LocalGoogleServer();
        google.Marketing = new LocalGoogleMarketing(google.Unauthorized);
        google._server = await LocalProviderServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                if (google.TakeFailure(context.Request.Path.Value ?? "") is { } failure)
                {
                    context.Response.StatusCode = failure.Status;
                    if (failure.RetryAfterSeconds is { } seconds)
                    {
                        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    }

                    context.Response.ContentType = "application/json; charset=UTF-8";
                    await context.Response.WriteAsync(failure.Body);
                    return;
                }

                await next(context);
            });
            app.MapPost("/token", google.Token);
            app.MapGet("/calendar/v3/calendars/{calendarId}/events", google.List);
            app.MapPost("/calendar/v3/calendars/{calendarId}/events", google.Insert);
            app.MapPatch("/calendar/v3/calendars/{calendarId}/events/{eventId}", google.Patch);
            app.MapDelete("/calendar/v3/calendars/{calendarId}/events/{eventId}", google.Delete);
            app.MapPost("/calendar/v3/calendars/{calendarId}/events/watch", google.Watch);
            app.MapPost("/calendar/v3/channels/stop", google.Stop);
            app.MapGet("/v4/accounts/{accountId}/locations/{locationId}/reviews", google.ListReviews);
            app.MapPut("/v4/accounts/{accountId}/locations/{locationId}/reviews/{reviewId}/reply", google.UpdateReply);
            app.MapPatch("/v1/locations/{locationId}", google.PatchLocation);
            google.Marketing.Map(app);
        });
        return google;
    }

    // ---- Test controls ----

    private sealed record Injected(string PathContains, int Status, string Body, int? RetryAfterSeconds);

    /// <summary>The next request whose path contains <paramref name="pathContains"/> gets this answer instead (queued, one each).</summary>
    public void Fail(string pathContains, int status, string body, int? retryAfterSeconds = null, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Enqueue(new Injected(pathContains, status, body, retryAfterSeconds));
            }
        }
    }

    /// <summary>429 RESOURCE_EXHAUSTED in the google.rpc envelope with a RetryInfo delay, as the newer APIs send it.</summary>
    public static string RateLimitBody(string retryDelay = "1s") => JsonSerializer.Serialize(new
    {
        error = new
        {
            code = 429, message = "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute'.", status = "RESOURCE_EXHAUSTED",
            details = new object[]
            {
                new Dictionary<string, object> { ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo", ["reason"] = "RATE_LIMIT_EXCEEDED", ["domain"] = "googleapis.com" },
                new Dictionary<string, object> { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = retryDelay },
            },
        },
    });

    /// <summary>500 backendError in Calendar's legacy envelope.</summary>
    public static string BackendErrorBody() => Legacy(500, "global", "backendError", "Backend Error");

    private Injected? TakeFailure(string path)
    {
        lock (_gate)
        {
            // The oldest failure injected for this path; one left over for another path does not hold it back.
            var all = _failures.ToArray();
            var index = Array.FindIndex(all, f => path.Contains(f.PathContains, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            _failures.Clear();
            foreach (var other in all.Where((_, i) => i != index))
            {
                _failures.Enqueue(other);
            }

            return all[index];
        }
    }

    /// <summary>Every access token issued so far stops working (as if an hour passed).</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>The user revoked access: the refresh token gets invalid_grant from now on.</summary>
    public void RevokeRefreshToken() => RefreshToken = "revoked-" + Guid.NewGuid().ToString("N");

    /// <summary>Every sync token handed out so far is too old (the next incremental read gets 410 fullSyncRequired).</summary>
    public void ExpireSyncTokens() => Interlocked.Exchange(ref _oldestValidSync, Interlocked.Read(ref _sequence) + 1);

    public GoogleCalendarState Calendar(string calendarId) => _calendars.GetOrAdd(calendarId, id => new GoogleCalendarState(id));

    /// <summary>The chef adds something to their own calendar (Google pushes "exists" to open channels).</summary>
    public GoogleEvent AddEvent(string calendarId, DateTimeOffset start, DateTimeOffset end, string summary = "Busy", bool transparent = false, string? id = null)
    {
        var e = new GoogleEvent { Id = id ?? "ev" + Guid.NewGuid().ToString("N")[..20], Summary = summary, Start = start, End = end, Transparent = transparent };
        Store(calendarId, e);
        return e;
    }

    public void AddAllDayEvent(string calendarId, DateOnly first, DateOnly endExclusive, string summary = "Away") =>
        Store(calendarId, new GoogleEvent { Id = "ad" + Guid.NewGuid().ToString("N")[..20], Summary = summary, StartDate = first, EndDate = endExclusive });

    public void CancelEvent(string calendarId, string eventId)
    {
        var calendar = Calendar(calendarId);
        lock (_gate)
        {
            calendar.Events[eventId].Status = "cancelled";
            calendar.Events[eventId].Updated = Interlocked.Increment(ref _sequence);
        }

        Notify(calendarId);
    }

    private void Store(string calendarId, GoogleEvent e)
    {
        lock (_gate)
        {
            e.Updated = Interlocked.Increment(ref _sequence);
            Calendar(calendarId).Events[e.Id] = e;
        }

        Notify(calendarId);
    }

    // ---- OAuth ----

    private async Task<IResult> Token(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return TokenError("invalid_request", "Content type must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        string scope;
        if (grant == "refresh_token")
        {
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return TokenError("invalid_client", "The OAuth client was not found.", 401);
            }

            if (form["refresh_token"] != RefreshToken)
            {
                return TokenError("invalid_grant", "Token has been expired or revoked.");
            }

            scope = "https://www.googleapis.com/auth/calendar.events";
        }
        else if (grant == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            var why = WhyJwtInvalid(form["assertion"].ToString(), out scope);
            if (why is not null)
            {
                return TokenError("invalid_grant", why);
            }
        }
        else
        {
            return TokenError("unsupported_grant_type", "Invalid grant_type: " + grant);
        }

        var token = "ya29.a0" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _accessTokens[token] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetimeSeconds);
        Interlocked.Increment(ref TokensIssued);
        return Results.Json(new { access_token = token, expires_in = TokenLifetimeSeconds, scope, token_type = "Bearer" });
    }

    private string? WhyJwtInvalid(string assertion, out string scope)
    {
        scope = "";
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "Invalid JWT: a JWT has three parts.";
        }

        var signed = ServiceAccountKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (!signed)
        {
            return "Invalid JWT Signature.";
        }

        using var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0]));
        using var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
        var c = claims.RootElement;
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return "Invalid JWT: alg must be RS256.";
        }

        if (c.GetProperty("iss").GetString() != ServiceAccountEmail || c.GetProperty("aud").GetString() != TokenEndpoint)
        {
            return "Invalid JWT: iss or aud is wrong.";
        }

        var iat = c.GetProperty("iat").GetInt64();
        var exp = c.GetProperty("exp").GetInt64();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (exp - iat > 3600 || exp < now || iat > now + 300)
        {
            return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.";
        }

        scope = c.GetProperty("scope").GetString() ?? "";
        return null;
    }

    private static IResult TokenError(string error, string description, int status = 400) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    private IResult? Unauthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.TryGetValue(header[7..], out var expires) && expires > DateTimeOffset.UtcNow
            ? null
            : Results.Content(Legacy(401, "global", "authError", "Invalid Credentials", "Authorization"), "application/json; charset=UTF-8", statusCode: 401);
    }

    private static string Legacy(int code, string domain, string reason, string message, string? location = null) => JsonSerializer.Serialize(new
    {
        error = new
        {
            errors = new[] { new { domain, reason, message, locationType = location is null ? null : "header", location } },
            code,
            message,
        },
    });

    private static IResult LegacyError(int code, string domain, string reason, string message, string? location = null) =>
        Results.Content(Legacy(code, domain, reason, message, location), "application/json; charset=UTF-8", statusCode: code);

    // ---- Calendar ----

    private IResult List(HttpRequest request, string calendarId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var q = request.Query;
        var syncToken = q["syncToken"].ToString();
        if (syncToken.Length > 0 && (q.ContainsKey("timeMin") || q.ContainsKey("timeMax") || q.ContainsKey("orderBy") || q.ContainsKey("privateExtendedProperty")))
        {
            return LegacyError(400, "global", "invalid", "Sync token cannot be used with other filters.", "syncToken");
        }

        var calendar = Calendar(calendarId);
        long since = 0;
        if (syncToken.Length > 0)
        {
            var parts = syncToken.Split(':');
            if (parts.Length != 3 || parts[0] != "st" || parts[1] != Convert.ToHexStringLower(Encoding.UTF8.GetBytes(calendarId))
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out since) || since < Interlocked.Read(ref _oldestValidSync))
            {
                return LegacyError(410, "calendar", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.", "syncToken");
            }
        }

        var timeMin = DateTimeOffset.TryParse(q["timeMin"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var min) ? min : (DateTimeOffset?)null;
        var showDeleted = q["showDeleted"] == "true" || syncToken.Length > 0;
        var pageSize = Math.Min(PageSize, int.TryParse(q["maxResults"], CultureInfo.InvariantCulture, out var max) ? max : 250);
        var offset = int.TryParse(q["pageToken"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        List<GoogleEvent> matching;
        long now;
        lock (_gate)
        {
            now = Interlocked.Read(ref _sequence);
            matching = calendar.Events.Values
                .Where(e => e.Updated > since && (showDeleted || e.Status != "cancelled") && (timeMin is null || e.EndInstant > timeMin))
                .OrderBy(e => e.Updated).ToList();
        }

        var page = matching.Skip(offset).Take(pageSize).Select(ToJson).ToList();
        var body = new JsonObject
        {
            ["kind"] = "calendar#events", ["etag"] = $"\"{now}\"", ["summary"] = calendarId, ["timeZone"] = "America/New_York", ["accessRole"] = "owner",
            ["items"] = new JsonArray(page.ToArray<JsonNode?>()),
        };
        if (offset + pageSize < matching.Count)
        {
            body["nextPageToken"] = (offset + pageSize).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            body["nextSyncToken"] = $"st:{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(calendarId))}:{now}";
        }

        return Results.Content(body.ToJsonString(), "application/json; charset=UTF-8");
    }

    private static JsonObject ToJson(GoogleEvent e)
    {
        if (e.Status == "cancelled")
        {
            return new JsonObject { ["kind"] = "calendar#event", ["id"] = e.Id, ["status"] = "cancelled" };
        }

        var json = new JsonObject
        {
            ["kind"] = "calendar#event", ["etag"] = $"\"{e.Updated}\"", ["id"] = e.Id, ["status"] = e.Status, ["summary"] = e.Summary,
            ["updated"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["start"] = e.StartDate is { } d ? new JsonObject { ["date"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : new JsonObject { ["dateTime"] = Rfc3339(e.Start!.Value) },
            ["end"] = e.EndDate is { } d2 ? new JsonObject { ["date"] = d2.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : new JsonObject { ["dateTime"] = Rfc3339(e.End!.Value) },
        };
        if (e.Description is not null)
        {
            json["description"] = e.Description;
        }

        if (e.Location is not null)
        {
            json["location"] = e.Location;
        }

        if (e.Transparent)
        {
            json["transparency"] = "transparent";
        }

        if (e.Private.Count > 0)
        {
            json["extendedProperties"] = new JsonObject { ["private"] = new JsonObject(e.Private.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) };
        }

        return json;
    }

    private static string Rfc3339(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<IResult> Insert(HttpRequest request, string calendarId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var calendar = Calendar(calendarId);
        var id = body["id"]?.GetValue<string>() ?? "ev" + Guid.NewGuid().ToString("N")[..20];
        if (id.Length is < 5 or > 1024 || id.Any(c => !(c is >= 'a' and <= 'v' or >= '0' and <= '9')))
        {
            return LegacyError(400, "global", "invalid", "Invalid resource id value.", "id");
        }

        if (body["start"] is null || body["end"] is null)
        {
            return LegacyError(400, "global", "required", "Missing end time.");
        }

        GoogleEvent e;
        lock (_gate)
        {
            if (calendar.Events.ContainsKey(id))
            {
                return LegacyError(409, "global", "duplicate", "The requested identifier already exists.");
            }

            e = new GoogleEvent { Id = id };
            Apply(e, body);
            e.Updated = Interlocked.Increment(ref _sequence);
            calendar.Events[id] = e;
        }

        Notify(calendarId);
        return Results.Content(ToJson(e).ToJsonString(), "application/json; charset=UTF-8");
    }

    private async Task<IResult> Patch(HttpRequest request, string calendarId, string eventId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var calendar = Calendar(calendarId);
        GoogleEvent? e;
        lock (_gate)
        {
            if (!calendar.Events.TryGetValue(eventId, out e))
            {
                return LegacyError(404, "global", "notFound", "Not Found");
            }

            Apply(e, body);
            if (body["status"] is null && e.Status == "cancelled")
            {
                e.Status = "confirmed";
            }

            e.Updated = Interlocked.Increment(ref _sequence);
        }

        Notify(calendarId);
        return Results.Content(ToJson(e).ToJsonString(), "application/json; charset=UTF-8");
    }

    private static void Apply(GoogleEvent e, JsonObject body)
    {
        e.Status = body["status"]?.GetValue<string>() ?? e.Status;
        e.Summary = body["summary"]?.GetValue<string>() ?? e.Summary;
        e.Description = body["description"]?.GetValue<string>() ?? e.Description;
        e.Location = body["location"]?.GetValue<string>() ?? e.Location;
        if (body["start"]?["dateTime"]?.GetValue<string>() is { } start)
        {
            e.Start = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        }

        if (body["end"]?["dateTime"]?.GetValue<string>() is { } end)
        {
            e.End = DateTimeOffset.Parse(end, CultureInfo.InvariantCulture);
        }

        if (body["transparency"]?.GetValue<string>() is { } transparency)
        {
            e.Transparent = transparency == "transparent";
        }

        if (body["extendedProperties"]?["private"] is JsonObject own)
        {
            e.Private = own.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "");
        }
    }

    private IResult Delete(HttpRequest request, string calendarId, string eventId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var calendar = Calendar(calendarId);
        lock (_gate)
        {
            if (!calendar.Events.TryGetValue(eventId, out var e))
            {
                return LegacyError(404, "global", "notFound", "Not Found");
            }

            if (e.Status == "cancelled")
            {
                return LegacyError(410, "global", "deleted", "Resource has been deleted");
            }

            e.Status = "cancelled";
            e.Updated = Interlocked.Increment(ref _sequence);
        }

        Notify(calendarId);
        return Results.NoContent();
    }

    private sealed record Channel(string Id, string CalendarId, string ResourceId, string Address, string? Token, long Expiration);

    public IReadOnlyCollection<string> OpenChannels => _channels.Keys.ToList();

    private async Task<IResult> Watch(HttpRequest request, string calendarId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var id = body["id"]?.GetValue<string>();
        var type = body["type"]?.GetValue<string>();
        var address = body["address"]?.GetValue<string>();
        if (id is null || id.Length > 64 || type is not ("web_hook" or "webhook") || address is null)
        {
            return LegacyError(400, "global", "invalid", "Invalid channel: id (≤ 64 characters), type web_hook and address are required.");
        }

        if (_channels.ContainsKey(id))
        {
            return LegacyError(400, "push", "channelIdNotUnique", "Channel id not unique.");
        }

        var wanted = long.TryParse(body["expiration"]?.ToString(), CultureInfo.InvariantCulture, out var ms) ? ms : DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeMilliseconds();
        // Google may shorten the expiration; this stand-in caps it at seven days.
        var expiration = Math.Min(wanted, DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeMilliseconds());
        var channel = new Channel(id, calendarId, "res-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(calendarId))[..Math.Min(16, calendarId.Length * 2)], address,
            body["token"]?.GetValue<string>(), expiration);
        _channels[id] = channel;
        _ = SendAsync(channel, "sync");
        return Results.Json(new
        {
            kind = "api#channel", id, resourceId = channel.ResourceId,
            resourceUri = $"{CalendarBaseUrl}calendars/{Uri.EscapeDataString(calendarId)}/events?alt=json",
            token = channel.Token, expiration = expiration.ToString(CultureInfo.InvariantCulture),
        });
    }

    private async Task<IResult> Stop(HttpRequest request)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var id = body["id"]?.GetValue<string>() ?? "";
        return _channels.TryGetValue(id, out var channel) && channel.ResourceId == body["resourceId"]?.GetValue<string>() && _channels.TryRemove(id, out _)
            ? Results.NoContent()
            : LegacyError(404, "global", "notFound", $"Channel '{id}' not found for project '1000000001'");
    }

    /// <summary>The notifications Google sent, with the status our webhook answered.</summary>
    public ConcurrentQueue<(string ChannelId, string State, int Status)> Notifications { get; } = new();

    private void Notify(string calendarId)
    {
        foreach (var channel in _channels.Values.Where(c => c.CalendarId == calendarId))
        {
            _ = SendAsync(channel, "exists");
        }
    }

    /// <summary>Sends a notification as Google does: an empty POST with the X-Goog-* headers.</summary>
    public async Task<int> SendAsync(string channelId, string state, string? tokenOverride = null) =>
        _channels.TryGetValue(channelId, out var channel) ? await SendAsync(channel with { Token = tokenOverride ?? channel.Token }, state) : 404;

    private async Task<int> SendAsync(Channel channel, string state)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Address) { Content = new ByteArrayContent([]) };
        request.Headers.Add("X-Goog-Channel-ID", channel.Id);
        if (channel.Token is not null)
        {
            request.Headers.Add("X-Goog-Channel-Token", channel.Token);
        }

        request.Headers.Add("X-Goog-Channel-Expiration", DateTimeOffset.FromUnixTimeMilliseconds(channel.Expiration).ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
        request.Headers.Add("X-Goog-Resource-ID", channel.ResourceId);
        request.Headers.Add("X-Goog-Resource-URI", $"{CalendarBaseUrl}calendars/{Uri.EscapeDataString(channel.CalendarId)}/events?alt=json");
        request.Headers.Add("X-Goog-Resource-State", state);
        request.Headers.Add("X-Goog-Message-Number", (state == "sync" ? 1 : Interlocked.Add(ref _messageNumber, 7) + 1000).ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _notifier.SendAsync(request);
            Notifications.Enqueue((channel.Id, state, (int)response.StatusCode));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            Notifications.Enqueue((channel.Id, state, 0));
            return 0;
        }
    }

    // ---- Business Profile ----

    /// <summary>Reviews per "accounts/{a}/locations/{l}", newest first.</summary>
    public ConcurrentDictionary<string, List<GoogleBusinessReview>> Reviews { get; } = new(StringComparer.Ordinal);

    /// <summary>The Location bodies written with locations.patch, with their update masks.</summary>
    public ConcurrentQueue<(string LocationId, string UpdateMask, JsonObject Body)> LocationPatches { get; } = new();

    public GoogleBusinessReview AddReview(string accountId, string locationId, int stars, string? comment, string reviewer = "Jordan Lee", string? reply = null)
    {
        var review = new GoogleBusinessReview
        {
            ReviewId = "AbFvOq" + Guid.NewGuid().ToString("N"), Reviewer = reviewer, Stars = stars, Comment = comment, Reply = reply,
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-Reviews.Values.Sum(r => r.Count)),
        };
        var list = Reviews.GetOrAdd($"accounts/{accountId}/locations/{locationId}", _ => []);
        lock (list)
        {
            list.Insert(0, review);
        }

        return review;
    }

    private static readonly string[] StarNames = ["STAR_RATING_UNSPECIFIED", "ONE", "TWO", "THREE", "FOUR", "FIVE"];

    private static IResult RpcError(int code, string status, string message) =>
        Results.Json(new { error = new { code, message, status } }, statusCode: code);

    private IResult ListReviews(HttpRequest request, string accountId, string locationId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        if (!Reviews.TryGetValue($"accounts/{accountId}/locations/{locationId}", out var list))
        {
            return RpcError(404, "NOT_FOUND", "Requested entity was not found.");
        }

        var pageSize = int.TryParse(request.Query["pageSize"], CultureInfo.InvariantCulture, out var size) ? size : 50;
        if (pageSize is < 1 or > 50)
        {
            return RpcError(400, "INVALID_ARGUMENT", "Request contains an invalid argument. (pageSize must be at most 50)");
        }

        var offset = int.TryParse(request.Query["pageToken"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        List<GoogleBusinessReview> all;
        lock (list)
        {
            all = list.ToList();
        }

        var page = all.Skip(offset).Take(pageSize).Select(r =>
        {
            var json = new JsonObject
            {
                ["name"] = $"accounts/{accountId}/locations/{locationId}/reviews/{r.ReviewId}",
                ["reviewId"] = r.ReviewId,
                ["reviewer"] = r.Reviewer is null ? new JsonObject { ["isAnonymous"] = true } : new JsonObject { ["displayName"] = r.Reviewer, ["profilePhotoUrl"] = "https://lh3.googleusercontent.com/a/x" },
                ["starRating"] = StarNames[r.Stars],
                // Up to nine fraction digits, as Google writes them.
                ["createTime"] = r.CreateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z",
                ["updateTime"] = r.CreateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            };
            if (r.Comment is not null)
            {
                json["comment"] = r.Comment;
            }

            if (r.Reply is not null)
            {
                json["reviewReply"] = new JsonObject { ["comment"] = r.Reply, ["updateTime"] = (r.RepliedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
            }

            return (JsonNode)json;
        }).ToArray();
        var body = new JsonObject { ["reviews"] = new JsonArray(page) };
        if (all.Count > 0)
        {
            body["averageRating"] = Math.Round(all.Average(r => r.Stars), 1);
            body["totalReviewCount"] = all.Count;
        }

        if (offset + pageSize < all.Count)
        {
            body["nextPageToken"] = (offset + pageSize).ToString(CultureInfo.InvariantCulture);
        }

        return Results.Content(body.ToJsonString(), "application/json; charset=UTF-8");
    }

    private async Task<IResult> UpdateReply(HttpRequest request, string accountId, string locationId, string reviewId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var comment = body["comment"]?.GetValue<string>();
        var review = Reviews.GetValueOrDefault($"accounts/{accountId}/locations/{locationId}")?.FirstOrDefault(r => r.ReviewId == reviewId);
        if (review is null)
        {
            return RpcError(404, "NOT_FOUND", "Requested entity was not found.");
        }

        if (string.IsNullOrEmpty(comment) || Encoding.UTF8.GetByteCount(comment) > 4096)
        {
            return RpcError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
        }

        review.Reply = comment;
        review.RepliedAt = DateTimeOffset.UtcNow;
        return Results.Json(new { comment, updateTime = review.RepliedAt.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) });
    }

    private static readonly string[] Days = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

    private async Task<IResult> PatchLocation(HttpRequest request, string locationId)
    {
        if (Unauthorized(request) is { } refused)
        {
            return refused;
        }

        var mask = request.Query["updateMask"].ToString();
        if (mask.Length == 0)
        {
            return RpcError(400, "INVALID_ARGUMENT", "Request contains an invalid argument. (updateMask is required)");
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        static int Minutes(JsonNode? time) => (time?["hours"]?.GetValue<int>() ?? 0) * 60 + (time?["minutes"]?.GetValue<int>() ?? 0);
        foreach (var period in body["regularHours"]?["periods"]?.AsArray() ?? [])
        {
            if (!Days.Contains(period!["openDay"]?.GetValue<string>()) || period["closeDay"]?.GetValue<string>() != period["openDay"]?.GetValue<string>()
                || Minutes(period["closeTime"]) <= Minutes(period["openTime"]) || Minutes(period["closeTime"]) > 1440)
            {
                return RpcError(400, "INVALID_ARGUMENT", "Request contains an invalid argument. (regularHours.periods)");
            }
        }

        // Business Information allows 10 edits a minute per profile (and it cannot be raised): the 11th gets 429.
        if (request.Query["validateOnly"] != "true")
        {
            var edits = _edits.GetOrAdd(locationId, _ => new ConcurrentQueue<DateTimeOffset>());
            lock (edits)
            {
                while (edits.TryPeek(out var oldest) && oldest < DateTimeOffset.UtcNow.AddMinutes(-1))
                {
                    edits.TryDequeue(out _);
                }

                if (edits.Count >= EditsPerMinute)
                {
                    return Results.Content(RateLimitBody("60s"), "application/json; charset=UTF-8", statusCode: 429);
                }

                edits.Enqueue(DateTimeOffset.UtcNow);
            }
        }

        LocationPatches.Enqueue((locationId, mask, body));
        return Results.Content(body.ToJsonString(), "application/json; charset=UTF-8");
    }

    public async ValueTask DisposeAsync()
    {
        _notifier.Dispose();
        ServiceAccountKey.Dispose();
        await _server.DisposeAsync();
    }
}

public sealed class GoogleBusinessReview
{
    public string ReviewId { get; set; } = "";

    public string? Reviewer { get; set; }

    public int Stars { get; set; }

    public string? Comment { get; set; }

    public string? Reply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public DateTimeOffset CreateTime { get; set; }
}

public sealed class GoogleCalendarState(string id)
{
    public string Id { get; } = id;

    public ConcurrentDictionary<string, GoogleEvent> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>The events we wrote for bookings, live ones only.</summary>
    public IReadOnlyList<GoogleEvent> BookingEvents => Events.Values.Where(e => e.Status != "cancelled" && e.Private.ContainsKey("myhibachiBookingId")).ToList();
}

public sealed class GoogleEvent
{
    public string Id { get; set; } = "";

    public string Status { get; set; } = "confirmed";

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Location { get; set; }

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool Transparent { get; set; }

    public Dictionary<string, string> Private { get; set; } = new(StringComparer.Ordinal);

    public long Updated { get; set; }

    public DateTimeOffset EndInstant => End ?? new DateTimeOffset((EndDate ?? DateOnly.MaxValue).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
