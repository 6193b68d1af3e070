using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace MyHibachi.Api.Infrastructure.Files;

/// <summary>An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2…) for the file store, when configured.</summary>
public sealed class S3Options
{
    public const string Section = "Files:S3";

    /// <summary>The service's address, e.g. https://s3.us-east-1.amazonaws.com or http://localhost:9000 (MinIO).</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Bucket in the path (https://host/bucket/key), as MinIO and most S3-compatible stores want.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>A folder inside the bucket, e.g. "myhibachi/".</summary>
    public string Prefix { get; set; } = "";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ServiceUrl) && !string.IsNullOrWhiteSpace(Bucket) && !string.IsNullOrWhiteSpace(AccessKey) && !string.IsNullOrWhiteSpace(SecretKey);
}

/// <summary>
/// Files as objects in an S3-compatible bucket, signed with AWS Signature Version 4. Payloads are sent
/// whole with their SHA-256 (no chunked uploads, checksums only where the service requires them), which
/// every S3-compatible store understands. Reads come back whole (files here are at most a few MB), so
/// range requests keep working.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly S3Options _options;

    private readonly AmazonS3Client _client;

    public S3BlobStore(IOptions<S3Options> options)
    {
        _options = options.Value;
        _client = new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), new AmazonS3Config
        {
            ServiceURL = _options.ServiceUrl,
            ForcePathStyle = _options.ForcePathStyle,
            AuthenticationRegion = _options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 3,
        });
    }

    private string Key(string key) => _options.Prefix + key;

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = Key(key),
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
            DisableDefaultChecksumValidation = true,
        }, cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_options.Bucket, Key(key), cancellationToken);
            var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No object {Key(key)} in the bucket.", key, exception);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(_options.Bucket, Key(key), cancellationToken);

    public void Dispose() => _client.Dispose();
}
