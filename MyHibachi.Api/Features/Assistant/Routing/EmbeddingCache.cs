using System.Security.Cryptography;
using System.Text;

namespace MyHibachi.Api.Features.Assistant.Routing;

/// <summary>
/// The training sets' embeddings kept in a file named by the hash of their texts, so a restart (or a
/// second Api on the machine) trains in a moment instead of embedding a thousand phrasings again.
/// A changed utterance set has another hash and is embedded afresh; an unreadable file is ignored.
/// </summary>
public static class EmbeddingCache
{
    public static string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "myhibachi-embeddings");

    public static float[][] EmbedMany(ITextEmbedder embedder, IReadOnlyList<string> texts)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("all-MiniLM-L6-v2\n" + string.Join('\n', texts))));
        var path = Path.Combine(Folder, key + ".bin");
        if (TryRead(path, texts.Count, embedder.Dimensions) is { } cached)
        {
            return cached;
        }

        var vectors = embedder.EmbedMany(texts);
        try
        {
            Directory.CreateDirectory(Folder);
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(vectors.Length);
                writer.Write(embedder.Dimensions);
                foreach (var vector in vectors)
                {
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            // A cache that cannot be written only costs the next start some time.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return vectors;
    }

    private static float[][]? TryRead(string path, int count, int dimensions)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != count || reader.ReadInt32() != dimensions)
            {
                return null;
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vectors[i][d] = reader.ReadSingle();
                }
            }

            return vectors;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }
}
