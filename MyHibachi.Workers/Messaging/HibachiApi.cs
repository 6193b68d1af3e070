using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyHibachi.Workers.Messaging;

/// <summary>The Api as the workers see it: they never open the database, they ask the Api.</summary>
public sealed class HibachiApi(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
    }

    public async Task<T?> PostAsync<T>(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body ?? new { }, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
    }

    public async Task PutAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(path, body ?? new { }, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The Api answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {body}", null, response.StatusCode);
        }
    }
}

/// <summary>The consumers' record, kept by the Api, of which messages they have already handled.</summary>
public sealed class Inbox(HibachiApi api)
{
    public async Task<bool> HasHandledAsync(string consumer, Guid messageId, CancellationToken cancellationToken) =>
        await api.GetAsync<JsonElement?>($"/api/internal/inbox/{consumer}/{messageId}", cancellationToken) is not null;

    public Task RecordAsync(string consumer, Guid messageId, CancellationToken cancellationToken) =>
        api.PutAsync($"/api/internal/inbox/{consumer}/{messageId}", null, cancellationToken);
}
