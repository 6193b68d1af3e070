using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Infrastructure.Files;

public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>The folder the Api keeps files in (invoice PDFs, photos, recordings); the AppHost puts it under its data root.</summary>
    public string Root { get; set; } = Path.Combine(AppContext.BaseDirectory, "files");

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>Where file bytes live: a folder by default; another store (S3-compatible) implements the same three calls.</summary>
public interface IBlobStore
{
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Files in a folder: written to a temporary name, then moved into place, so a reader never sees half a file.</summary>
public sealed class FolderBlobStore(IOptions<FileStoreOptions> options) : IBlobStore
{
    private string PathOf(string key)
    {
        var root = Path.GetFullPath(options.Value.Root);
        var path = Path.GetFullPath(Path.Combine(root, key));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("The key leaves the store.", nameof(key));
    }

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }
}

/// <summary>Keeps a file: bytes in the blob store, metadata (type, size, hash, key) in PostgreSQL.</summary>
public sealed class FileStore(HibachiDbContext db, IBlobStore blobs, IOptions<FileStoreOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Stores the bytes and adds the metadata row to the unit of work (saved by the caller).</summary>
    public async Task<StoredFile> SaveAsync(string kind, string contentType, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var file = new StoredFile
        {
            Kind = kind,
            ContentType = contentType,
            FileName = fileName,
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StorageKey = "",
            CreatedAt = now,
        };
        file.StorageKey = $"{kind}/{now:yyyy}/{now:MM}/{file.Id:N}";
        using var stream = new MemoryStream(content, writable: false);
        await blobs.WriteAsync(file.StorageKey, stream, cancellationToken);
        db.Files.Add(file);
        return file;
    }

    /// <summary>
    /// The file as an HTTP answer: range requests (a player or a PDF viewer jumping ahead), an ETag
    /// from its hash and a cache lifetime for the browser only (files are private).
    /// </summary>
    public async Task<IResult> ServeAsync(StoredFile file, CancellationToken cancellationToken, bool inline = true) =>
        Results.Stream(await blobs.OpenReadAsync(file.StorageKey, cancellationToken), file.ContentType, inline ? null : file.FileName,
            new DateTimeOffset(file.CreatedAt.UtcDateTime, TimeSpan.Zero), new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""),
            enableRangeProcessing: true);
}
