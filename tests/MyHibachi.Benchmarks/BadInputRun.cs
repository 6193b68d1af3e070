using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MyHibachi.Benchmarks;

public sealed record BadInputResult(int Requests, int ServerErrors, int ConnectionErrors, IReadOnlyList<string> Examples);

/// <summary>
/// Sends malformed and hostile input to every endpoint in the Api's OpenAPI document and counts 5xx
/// answers: broken JSON and encodings, huge and deep bodies, injection strings, control characters
/// (NUL, escape sequences, lone surrogates) in every field and query value, dates at the ends of the
/// calendar, and page numbers whose offset would overflow.
/// </summary>
public sealed class BadInputRun(BenchSystem system)
{
    private static readonly string[] Injections =
        ["' OR '1'='1' --", "\"; DROP TABLE bookings; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "../../../../etc/passwd", "%00", "\u0000"];

    private static readonly string[] Fields =
        ["email", "password", "name", "firstName", "lastName", "zip", "adults", "children", "reason", "text", "status", "stationId", "chefId",
         "eventDate", "startTime", "refreshToken", "code", "timeZone", "baseZip", "phone", "notes", "message", "roles", "permissions", "selections"];

    private static readonly string[] ControlCharacters = ["a\u0000b", "\u001b[31mred", "\ud800", "tab\u0007bell", "\uffff"];

    private static readonly string[] DateFields = ["eventDate", "startsAt", "endsAt", "from", "to", "date"];

    private static readonly string[] ExtremeDates = ["9999-12-31", "0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2020-02-30"];

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
        // Control characters in every common query value.
        yield return Fill(Guid.NewGuid().ToString()) + "?q=%00&status=%00&source=%1B&zip=30%0005&entityType=%00&role=%00&type=%00&sort=%00";
        // The ends of the calendar, enum numbers, and a page whose offset overflows.
        yield return Fill("9999-12-31") + "?from=9999-12-31&to=9999-12-31&guests=200&page=2147483647&pageSize=100&status=99&source=12345";
        yield return Fill("0001-01-01") + "?from=0001-01-01T00:00%2B14:00&to=0001-01-01&page=1073741824&pageSize=2";
        // Each hostile value alone, so an earlier field's error cannot hide a later one's.
        yield return Fill(Guid.NewGuid().ToString()) + "?status=99";
        yield return Fill(Guid.NewGuid().ToString()) + "?source=12345";
        yield return Fill(Guid.NewGuid().ToString()) + "?page=2147483647";
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
        yield return ("an empty body", () => Json(""));
        yield return ("control characters in every field", () => Json("{" + string.Join(",",
            Fields.Select((f, i) => $"\"{f}\":\"{ControlCharacters[i % ControlCharacters.Length]}\"")) + "}"));
        yield return ("control characters in nested fields", () => Json(
            "{\"customer\":{\"firstName\":\"a\\u0000\"},\"address\":{\"line1\":\"\\u0000\"},\"selections\":[{\"code\":\"\\u0001\",\"quantity\":1}],\"workingHours\":[{\"dayOfWeek\":\"Monday\",\"startTime\":\"\\u0000\",\"endTime\":\"10:00\"}]}"));
        foreach (var date in ExtremeDates)
        {
            yield return ($"the date {date} in every date field", () => Json(JsonSerializer.Serialize(DateFields.ToDictionary(f => f, _ => date))));
        }

        yield return ("the largest numbers", () => Json("{\"adults\": 2147483647, \"children\": 2147483647, \"page\": 2147483647, \"pageSize\": 2147483647, \"maxEventsPerDay\": 2147483647, \"serviceRadiusMiles\": -2147483648}"));
        yield return ("numbers out of range", () => Json("{\"adults\": 99999999999999999999, \"children\": -1e308, \"page\": 1.5}"));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
