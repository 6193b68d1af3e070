using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace MyHibachi.TestSupport;

/// <summary>
/// Qdrant's gRPC API on 127.0.0.1 (HTTP/2 without TLS, as Qdrant serves port 6334): collections,
/// upsert, delete and cosine search over points kept in memory. Messages are Qdrant's own protobuf
/// types, framed as gRPC frames them, with grpc-status trailers.
/// </summary>
public sealed class LocalQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, float[]>> _collections = new();

    private LocalQdrantServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Calls that could not be answered (a request this server did not understand).</summary>
    public int Failures => _failures;

    private int _failures;

    /// <summary>The gRPC methods called, in order (e.g. "qdrant.Points/Query").</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public IReadOnlyDictionary<string, float[]> Points(string collection) =>
        _collections.TryGetValue(collection, out var points) ? points : new Dictionary<string, float[]>();

    public static async Task<LocalQdrantServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var server = new LocalQdrantServer(app);
        app.MapPost("/qdrant.Qdrant/HealthCheck", (HttpContext c) => server.Unary(c, HealthCheckRequest.Parser, _ => new HealthCheckReply { Title = "qdrant - local", Version = "1.15.0" }));
        app.MapPost("/qdrant.Collections/CollectionExists", (HttpContext c) => server.Unary(c, CollectionExistsRequest.Parser, r => new CollectionExistsResponse
        {
            Result = new CollectionExists { Exists = server._collections.ContainsKey(r.CollectionName) },
        }));
        app.MapPost("/qdrant.Collections/Create", (HttpContext c) => server.Unary(c, CreateCollection.Parser, r =>
        {
            server._collections.TryAdd(r.CollectionName, new ConcurrentDictionary<string, float[]>());
            return new CollectionOperationResponse { Result = true };
        }));
        app.MapPost("/qdrant.Points/Upsert", (HttpContext c) => server.Unary(c, UpsertPoints.Parser, r =>
        {
            var points = server._collections[r.CollectionName];
            foreach (var point in r.Points)
            {
                var vector = point.Vectors.Vector;
                // Clients write the vector as "dense"; older ones as the deprecated "data".
#pragma warning disable CS0612
                points[point.Id.Uuid] = vector.Dense is { } dense && dense.Data.Count > 0 ? [.. dense.Data] : [.. vector.Data];
#pragma warning restore CS0612
            }

            return new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } };
        }));
        app.MapPost("/qdrant.Points/Delete", (HttpContext c) => server.Unary(c, DeletePoints.Parser, r =>
        {
            var points = server._collections[r.CollectionName];
            foreach (var id in r.Points.Points.Ids)
            {
                points.TryRemove(id.Uuid, out _);
            }

            return new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } };
        }));
        app.MapPost("/qdrant.Points/Query", (HttpContext c) => server.Unary(c, QueryPoints.Parser, r =>
        {
            var query = r.Query.Nearest.Dense.Data.ToArray();
            var response = new QueryResponse();
            response.Result.AddRange(server._collections[r.CollectionName]
                .Select(p => (Id: p.Key, Score: Cosine(query, p.Value)))
                .Where(p => !r.HasScoreThreshold || p.Score >= r.ScoreThreshold)
                .OrderByDescending(p => p.Score)
                .Take((int)r.Limit)
                .Select(p => new ScoredPoint { Id = new PointId { Uuid = p.Id }, Score = p.Score, Version = 1 }));
            return response;
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    private async Task Unary<TRequest>(HttpContext context, MessageParser<TRequest> parser, Func<TRequest, IMessage> handle) where TRequest : IMessage<TRequest>
    {
        Calls.Enqueue(context.Request.Path.Value!.TrimStart('/'));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var frame = body.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4));
        context.Response.ContentType = "application/grpc";
        try
        {
            var reply = handle(parser.ParseFrom(frame, 5, length)).ToByteArray();
            var header = new byte[5];
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), reply.Length);
            await context.Response.Body.WriteAsync(header);
            await context.Response.Body.WriteAsync(reply);
            context.Response.AppendTrailer("grpc-status", "0");
        }
        catch (Exception exception) when (exception is not KeyNotFoundException)
        {
            Interlocked.Increment(ref _failures);
            context.Response.AppendTrailer("grpc-status", "13");
            context.Response.AppendTrailer("grpc-message", exception.Message);
        }
        catch (KeyNotFoundException)
        {
            context.Response.AppendTrailer("grpc-status", "5");
            context.Response.AppendTrailer("grpc-message", "Not found: Collection doesn't exist!");
        }
    }

    private static float Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : (float)(dot / Math.Sqrt(na * nb));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
