using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MyHibachi.Benchmarks;

public sealed record BadInputResult(int Requests, int ServerErrors, int ConnectionErrors, IReadOnlyList<string> Examples);

/// <summary>Sends malformed and hostile input to every endpoint in the Api's OpenAPI document and counts 5xx answers.</summary>
public sealed class BadInputRun(BenchSystem system)
{
    private static readonly string[] Injections =
        ["' OR '1'='1' --", "\"; DROP TABLE bookings; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "../../../../etc/passwd", "%00", "\u0000"];

    private static readonly string[] Fields =
        ["email", "password", "name", "firstName", "lastName", "zip", "adults", "children", "reason", "text", "status", "stationId", "chefId",
         "eventDate", "startTime", "refreshToken", "code", "timeZone", "baseZip", "phone", "notes", "message", "roles", "permissions", "selections"];

    private const string HugeBody = "a 2 MB body";

    public async Task<BadInputResult> RunAsync()
    {
        using var admin = system.Client(system.AdminToken);
        var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var requests = 0;
        var errors = new List<string>();
        var broken = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                foreach (var url in Urls(path.Name))
                {
                    foreach (var (label, content) in Bodies())
                    {
                        requests++;
                        using var request = new HttpRequestMessage(method, url) { Content = method == HttpMethod.Get ? null : content() };
                        if (label == HugeBody)
                        {
                            // As curl does for big uploads: the Api can refuse the body (413, 401, 404...) before
                            // it is sent. Without this the refusal races the upload and the client may only see
                            // its own write fail; the connection is not reused after a refused upload.
                            request.Headers.ExpectContinue = true;
                            request.Headers.ConnectionClose = true;
                        }

                        try
                        {
                            using var response = await admin.SendAsync(request);
                            if ((int)response.StatusCode >= 500)
                            {
                                errors.Add($"{method} {url} with {label}: {(int)response.StatusCode}");
                            }
                        }
                        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                        {
                            broken.Add($"{method} {url} with {label}: {exception.GetType().Name} ({exception.InnerException?.Message ?? exception.Message})");
                        }
                    }
                }
            }
        }

        return new BadInputResult(requests, errors.Count, broken.Count, [.. errors.Take(10), .. broken.Take(10)]);
    }

    private static IEnumerable<string> Urls(string template)
    {
        string Fill(string value) => System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", value);
        yield return Fill(Guid.NewGuid().ToString()) + "?page=-1&pageSize=abc&q=" + Uri.EscapeDataString(Injections[0]) + "&from=yesterday&status=%27";
        yield return Fill(Uri.EscapeDataString(Injections[1]));
        yield return Fill("2026-13-45");
    }

    private static IEnumerable<(string Label, Func<HttpContent> Content)> Bodies()
    {
        yield return ("malformed JSON", () => Json("{\"email\": "));
        yield return ("wrong content type", () => new StringContent("email=x&password=y", Encoding.UTF8, "text/plain"));
        yield return (HugeBody, () => Json("{\"text\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"));
        yield return ("nesting 5,000 deep", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("invalid UTF-8", () =>
        {
            var content = new ByteArrayContent([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        });
        yield return ("injection strings in every field", () => Json(JsonSerializer.Serialize(Fields.ToDictionary(f => f, f => (object)Injections[f.Length % Injections.Length]))));
        yield return ("wrong types in every field", () => Json(JsonSerializer.Serialize(Fields.ToDictionary(f => f, _ => (object)new[] { 1, 2 }))));
        yield return ("null", () => Json("null"));
        yield return ("numbers out of range", () => Json("{\"adults\": 99999999999999999999, \"children\": -1e308, \"page\": 1.5}"));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
