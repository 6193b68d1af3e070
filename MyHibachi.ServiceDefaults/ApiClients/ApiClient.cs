using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>
/// What every typed Api client shares: JSON as the Api writes it, If-Match and extra headers,
/// problems read into <see cref="ApiProblem"/>, and an unreachable Api turned into a 503 result
/// rather than an exception. Area clients derive from it and expose one method per operation.
/// </summary>
public abstract class ApiClient(HttpClient http, ILogger logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    protected Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    protected Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync<T>(HttpMethod.Post, path, body ?? new { }, ct, headers: headers);

    protected Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken ct, string? ifMatch = null) =>
        SendAsync<T>(HttpMethod.Put, path, body ?? new { }, ct, ifMatch);

    protected Task<ApiResult<Done>> DeleteAsync(string path, object? body, CancellationToken ct) =>
        SendAsync<Done>(HttpMethod.Delete, path, body, ct);

    /// <summary>Creates (POST to <paramref name="collection"/>) or replaces (PUT to its member) depending on the id.</summary>
    protected Task<ApiResult<T>> SaveAsync<T>(string collection, Guid? id, object body, string? ifMatch, CancellationToken ct) =>
        id is { } existing ? PutAsync<T>($"{collection}/{existing}", body, ct, ifMatch) : PostAsync<T>(collection, body, ct);

    /// <summary>Sends raw content (a PDF, an image) instead of JSON.</summary>
    protected Task<ApiResult<T>> PutContentAsync<T>(string path, byte[] content, string contentType, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Put, path, new ByteArrayContent(content) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) } }, ct);

    /// <summary>Sends a multipart form (a photo upload).</summary>
    protected Task<ApiResult<T>> PostFormAsync<T>(string path, MultipartFormDataContent form, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Post, path, form, ct);

    /// <summary>A file the Api serves (an invoice PDF), read whole; problems as for any call.</summary>
    protected async Task<ApiResult<FileDownload>> DownloadAsync(string path, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(path, ct);
            if (!response.IsSuccessStatusCode)
            {
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    ? await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct)
                    : new ApiProblem(Describe(response.StatusCode), (int)response.StatusCode, null, null, ProblemCodes.ForStatus((int)response.StatusCode));
                return new ApiResult<FileDownload>(response.StatusCode, null, problem);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return new ApiResult<FileDownload>(response.StatusCode, new FileDownload(bytes, response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream",
                response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'),
                response.Headers.CacheControl?.ToString()), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The Api did not answer GET {Path}.", path);
            return ApiResult<FileDownload>.Unreachable(exception.Message);
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken ct, string? ifMatch = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is HttpContent content)
        {
            request.Content = content;
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var etag = response.Headers.ETag?.Tag;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct);
                return new ApiResult<T>(response.StatusCode, default, problem);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(response.StatusCode, default,
                    new ApiProblem(Describe(response.StatusCode), (int)response.StatusCode, null, null, ProblemCodes.ForStatus((int)response.StatusCode)));
            }

            var value = typeof(T) == typeof(Done)
                ? (T)(object)new Done()
                : response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>(response.StatusCode, value, null, etag);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The Api did not answer {Method} {Path}.", method, path);
            return ApiResult<T>.Unreachable(exception.Message);
        }
    }

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Please sign in again.",
        HttpStatusCode.Forbidden => "You don't have access to this.",
        HttpStatusCode.NotFound => "We couldn't find that.",
        HttpStatusCode.TooManyRequests => "Too many requests; wait a minute and try again.",
        _ => "Something went wrong; please try again.",
    };

    protected static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A query string from a query record (<c>?page=2&amp;status=Pending</c>), written by the same JSON
    /// rules as bodies so the Api binds it back into the same record; nulls are left out.
    /// </summary>
    protected static string Query<TQuery>(TQuery query)
    {
        var builder = new StringBuilder();
        foreach (var property in JsonSerializer.SerializeToElement(query, Json).EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(property.Name).Append('=').Append(Uri.EscapeDataString(text));
        }

        return builder.ToString();
    }
}
