using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Google;

/// <summary>An access token for one connection, good for the calls of one piece of work.</summary>
public sealed class GoogleAccess(Guid connectionId, string token)
{
    public Guid ConnectionId { get; } = connectionId;

    public string Token { get; internal set; } = token;
}

/// <summary>A Google answer: its status, its JSON body (if any) and the error reason Google gave.</summary>
public sealed record GoogleResponse(int Status, JsonElement? Body, string? Reason, string? Message)
{
    public bool Ok => Status is >= 200 and < 300;

    public GoogleResponse EnsureOk(string what) =>
        Ok ? this : throw new GoogleException($"{what}: Google answered {Status}{(Reason is null ? "" : $" ({Reason})")}{(Message is null ? "" : $": {Message}")}",
            transient: GoogleBackoff.IsRetryable(Status, Reason), status: Status, reason: Reason);
}

/// <summary>Google refused or could not be reached. Not <see cref="Transient"/>: a person must act (reconnect, fix an id).</summary>
public sealed class GoogleException(string message, bool transient, int? status = null, string? reason = null) : Exception(message)
{
    public bool Transient { get; } = transient;

    public int? Status { get; } = status;

    public string? Reason { get; } = reason;
}

/// <summary>
/// The one OAuth 2.0 layer every Google feature uses, and the way every request is sent. Tokens come from the Api
/// (which keeps them sealed) while they have a minute left; otherwise a refresh-token grant or a service account's
/// signed JWT gets a new one from the token endpoint, and the Api stores it. Each request carries the bearer token;
/// a 401 gets one fresh token and one more try; 429, 5xx and rate-limit 403s are tried again with back-off
/// (the server's delay when it gives one); an invalid_grant marks the connection as needing a person.
/// </summary>
public sealed class GoogleApi(HttpClient http, GoogleClient api, IOptions<GoogleOptions> options, TimeProvider clock, ILogger<GoogleApi> logger)
{
    private GoogleOptions Settings => options.Value;

    public async Task<GoogleAccess> AccessAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var credential = (await api.CredentialAsync(connectionId, cancellationToken)).OrThrow("the Google credential");
        return credential.AccessToken is { } token ? new GoogleAccess(connectionId, token) : new GoogleAccess(connectionId, await RefreshAsync(credential, cancellationToken));
    }

    private async Task<string> RefreshAsync(GoogleCredentialDto credential, CancellationToken cancellationToken)
    {
        var form = credential.Kind == "service_account"
            ? new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = GoogleJwt.Assertion(credential.Principal, credential.Scopes, Settings.TokenEndpoint, credential.Subject,
                    credential.PrivateKeyPem ?? "", credential.PrivateKeyId, clock.GetUtcNow()),
            }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = credential.RefreshToken ?? "",
                ["client_id"] = credential.Principal,
                ["client_secret"] = credential.ClientSecret ?? "",
            };
        var response = await SendWithBackoffAsync(() => new HttpRequestMessage(HttpMethod.Post, Settings.TokenEndpoint) { Content = new FormUrlEncodedContent(form) },
            "the token endpoint", cancellationToken);
        if (!response.Ok)
        {
            if (response.Reason is "invalid_grant" or "invalid_client" or "unauthorized_client" or "invalid_scope" or "unsupported_grant_type")
            {
                var error = $"Google refused the credential ({response.Message ?? response.Reason}): connect it again.";
                await api.ReportTokenAsync(credential.Id, new GoogleTokenReport(null, null, null, error[..Math.Min(500, error.Length)]), cancellationToken);
                throw new GoogleException(error, transient: false, response.Status, response.Reason);
            }

            response.EnsureOk("Getting an access token");
        }

        var body = response.Body!.Value;
        var token = body.GetProperty("access_token").GetString()!;
        var expiresIn = body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 3599;
        var granted = body.TryGetProperty("scope", out var s) && s.GetString() is { } scope ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null;
        (await api.ReportTokenAsync(credential.Id, new GoogleTokenReport(token, clock.GetUtcNow().AddSeconds(expiresIn), granted, null), cancellationToken))
            .OrThrow("storing the access token");
        logger.LogInformation("New Google access token for connection {Connection}, good for {Seconds} s.", credential.Id, expiresIn);
        return token;
    }

    /// <summary>Sends one call with the bearer token; a 401 refreshes the token once. Error answers come back as they are (callers decide).</summary>
    public async Task<GoogleResponse> SendAsync(GoogleAccess access, HttpMethod method, string url, object? body, string what, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        HttpRequestMessage Build()
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.Token);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: GoogleJson.Options);
            }

            return request;
        }

        var response = await SendWithBackoffAsync(Build, what, cancellationToken);
        if (response.Status == 401)
        {
            var credential = (await api.CredentialAsync(access.ConnectionId, cancellationToken)).OrThrow("the Google credential");
            access.Token = await RefreshAsync(credential, cancellationToken);
            response = await SendWithBackoffAsync(Build, what, cancellationToken);
        }

        return response;
    }

    private async Task<GoogleResponse> SendWithBackoffAsync(Func<HttpRequestMessage> build, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= Settings.MaxAttempts)
                {
                    throw new GoogleException($"{what}: Google did not answer ({exception.Message}).", transient: true);
                }

                await Task.Delay(GoogleBackoff.Delay(attempt, null, null, Settings.FirstDelay, Settings.MaxDelay, Random.Shared.NextDouble()), clock, cancellationToken);
                continue;
            }

            using (response)
            {
                var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
                JsonElement? json = null;
                var unreadable = false;
                if (text.Length > 0)
                {
                    try
                    {
                        // Google Ads' searchStream can wrap errors in an array: read the first element then.
                        using var document = JsonDocument.Parse(text);
                        json = document.RootElement.Clone();
                    }
                    catch (JsonException)
                    {
                        unreadable = true;
                    }
                }

                // A success whose body is cut off or not JSON (a proxy, a broken stream) is never read as "no rows".
                if (unreadable && response.IsSuccessStatusCode)
                {
                    if (attempt >= Settings.MaxAttempts)
                    {
                        throw new GoogleException($"{what}: Google's answer could not be read (it was cut off or not JSON).", transient: true, status: (int)response.StatusCode);
                    }

                    logger.LogWarning("{What}: Google's answer could not be read; try {Attempt} of {Max}.", what, attempt + 1, Settings.MaxAttempts);
                    await Task.Delay(GoogleBackoff.Delay(attempt, null, null, Settings.FirstDelay, Settings.MaxDelay, Random.Shared.NextDouble()), clock, cancellationToken);
                    continue;
                }

                var errorBody = json is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 && !response.IsSuccessStatusCode ? array[0] : json;
                var status = (int)response.StatusCode;
                var reason = response.IsSuccessStatusCode ? null : GoogleBackoff.Reason(errorBody);
                if (!GoogleBackoff.IsRetryable(status, reason) || attempt >= Settings.MaxAttempts)
                {
                    return new GoogleResponse(status, response.IsSuccessStatusCode ? json : errorBody, reason, response.IsSuccessStatusCode ? null : GoogleBackoff.Message(errorBody));
                }

                var delay = GoogleBackoff.Delay(attempt, GoogleBackoff.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()), GoogleBackoff.BodyDelay(errorBody),
                    Settings.FirstDelay, Settings.MaxDelay, Random.Shared.NextDouble());
                logger.LogWarning("{What}: Google answered {Status} ({Reason}); try {Attempt} of {Max} in {Delay} ms.", what, status, reason, attempt + 1,
                    Settings.MaxAttempts, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }
}

public static class GoogleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
