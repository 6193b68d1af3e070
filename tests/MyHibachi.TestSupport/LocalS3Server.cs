using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace MyHibachi.TestSupport;

/// <summary>
/// An S3-compatible object store on 127.0.0.1 (path-style: /bucket/key): PUT, GET and DELETE of
/// objects, every request's AWS Signature Version 4 checked as S3 checks it (the canonical request,
/// the derived signing key, the payload's SHA-256), errors as S3's XML. Objects live in memory.
/// </summary>
public sealed class LocalS3Server : IAsyncDisposable
{
    private LocalProviderServer _server = null!;

    public string Bucket { get; } = "myhibachi-files";

    public string AccessKey { get; } = "AKIALOCAL" + RandomNumberGenerator.GetHexString(8);

    public string SecretKey { get; } = RandomNumberGenerator.GetHexString(40);

    public string Region { get; } = "us-east-1";

    public Uri Address => _server.Address;

    /// <summary>Objects by key (without the bucket).</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests refused for their signature.</summary>
    public int Refused => _refused;

    private int _refused;

    public static async Task<LocalS3Server> StartAsync()
    {
        var s3 = new LocalS3Server();
        s3._server = await LocalProviderServer.StartAsync(app => app.Map("/{bucket}/{**key}", s3.HandleAsync));
        return s3;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var bucket = (string)context.GetRouteValue("bucket")!;
        var key = (string)context.GetRouteValue("key")!;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (Verify(context.Request, body) is { } problem)
        {
            Interlocked.Increment(ref _refused);
            await ErrorAsync(context, 403, "SignatureDoesNotMatch", problem);
            return;
        }

        if (bucket != Bucket)
        {
            await ErrorAsync(context, 404, "NoSuchBucket", "The specified bucket does not exist.");
            return;
        }

        switch (context.Request.Method)
        {
            case "PUT":
                Objects[key] = (body, context.Request.ContentType ?? "application/octet-stream");
                context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"";
                return;
            case "GET" or "HEAD" when Objects.TryGetValue(key, out var found):
                context.Response.ContentType = found.ContentType;
                context.Response.ContentLength = found.Bytes.Length;
                context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(MD5.HashData(found.Bytes))}\"";
                context.Response.Headers.LastModified = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
                if (context.Request.Method == "GET")
                {
                    await context.Response.Body.WriteAsync(found.Bytes);
                }

                return;
            case "GET" or "HEAD":
                await ErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
                return;
            case "DELETE":
                Objects.TryRemove(key, out _);
                context.Response.StatusCode = 204;
                return;
            default:
                await ErrorAsync(context, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
                return;
        }
    }

    /// <summary>Null when the request carries a valid SigV4 signature by our key over exactly these bytes; else why not.</summary>
    private string? Verify(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(scheme, StringComparison.Ordinal))
        {
            return "No AWS4-HMAC-SHA256 authorization.";
        }

        var parts = authorization[scheme.Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature))
        {
            return "The authorization lacks Credential, SignedHeaders or Signature.";
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[0] != AccessKey || scope[2] != Region || scope[3] != "s3" || scope[4] != "aws4_request")
        {
            return "Unknown access key or scope.";
        }

        var amzDate = request.Headers["x-amz-date"].ToString();
        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        if (amzDate.Length != 16 || !amzDate.StartsWith(scope[1], StringComparison.Ordinal))
        {
            return "x-amz-date is missing or does not match the credential's date.";
        }

        if (payloadHash != "UNSIGNED-PAYLOAD" && payloadHash != Convert.ToHexStringLower(SHA256.HashData(body)))
        {
            return "x-amz-content-sha256 is not the SHA-256 of the body.";
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return "host and x-amz-date must be signed.";
        }

        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = rawTarget.Split('?')[0];
        var query = string.Join('&', request.Query
            .SelectMany(q => q.Value.Select(v => (Name: Uri.EscapeDataString(q.Key), Value: Uri.EscapeDataString(v ?? ""))))
            .OrderBy(q => q.Name, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal).Select(q => $"{q.Name}={q.Value}"));
        var headers = string.Concat(names.Select(name =>
            $"{name}:{string.Join(' ', request.Headers[name].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))}\n"));
        var canonical = $"{request.Method}\n{path}\n{query}\n{headers}\n{signedHeaders}\n{payloadHash}";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{string.Join('/', scope[1..])}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { scope[1], Region, "s3", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : "The request signature we calculated does not match the signature you provided.";
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message>"
            + $"<RequestId>{Guid.NewGuid():N}</RequestId></Error>");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
