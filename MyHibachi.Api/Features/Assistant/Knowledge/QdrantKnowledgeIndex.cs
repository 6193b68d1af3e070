using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace MyHibachi.Api.Features.Assistant.Knowledge;

/// <summary>Qdrant for the knowledge base's vectors, when Assistant:Qdrant:Endpoint is set (its gRPC port, e.g. http://localhost:6334).</summary>
public sealed class QdrantOptions
{
    public const string Section = "Assistant:Qdrant";

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Collection { get; set; } = "myhibachi_knowledge";

    public bool Enabled => Uri.TryCreate(Endpoint, UriKind.Absolute, out _);
}

/// <summary>
/// The published articles' embeddings in a Qdrant collection (cosine, 384 dimensions), searched
/// there instead of in the Api's memory. PostgreSQL stays the source of truth: every start upserts
/// every published article, each edit upserts or removes its point, and if Qdrant cannot be reached
/// the knowledge base searches in process.
/// </summary>
public sealed class QdrantKnowledgeIndex(IOptions<QdrantOptions> options, ILoggerFactory loggers) : IDisposable
{
    private readonly Lazy<QdrantClient> _client = new(() =>
    {
        var settings = options.Value;
        var endpoint = new Uri(settings.Endpoint!);
        return new QdrantClient(endpoint.Host, endpoint.Port, endpoint.Scheme == Uri.UriSchemeHttps, settings.ApiKey, TimeSpan.FromSeconds(5), loggers);
    });

    private volatile bool _collectionReady;

    public bool Enabled => options.Value.Enabled;

    private string Collection => options.Value.Collection;

    public async Task UpsertAsync(IReadOnlyList<(Guid Id, float[] Vector)> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return;
        }

        await EnsureCollectionAsync(points[0].Vector.Length, cancellationToken);
        await _client.Value.UpsertAsync(Collection, points.Select(p => new PointStruct { Id = p.Id, Vectors = p.Vector }).ToList(),
            cancellationToken: cancellationToken);
    }

    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_collectionReady || await _client.Value.CollectionExistsAsync(Collection, cancellationToken))
        {
            await _client.Value.DeleteAsync(Collection, id, cancellationToken: cancellationToken);
        }
    }

    public async Task<IReadOnlyList<(Guid Id, double Score)>> SearchAsync(float[] vector, int take, double minimumScore, CancellationToken cancellationToken)
    {
        var hits = await _client.Value.QueryAsync(Collection, query: vector, scoreThreshold: (float)minimumScore, limit: (ulong)take, cancellationToken: cancellationToken);
        return hits.Select(h => (Guid.Parse(h.Id.Uuid), (double)h.Score)).ToList();
    }

    private async Task EnsureCollectionAsync(int dimensions, CancellationToken cancellationToken)
    {
        if (_collectionReady)
        {
            return;
        }

        if (!await _client.Value.CollectionExistsAsync(Collection, cancellationToken))
        {
            await _client.Value.CreateCollectionAsync(Collection, new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine },
                cancellationToken: cancellationToken);
        }

        _collectionReady = true;
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
