using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant.Routing;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Assistant.Knowledge;

public sealed record KnowledgeHit(Guid Id, string Title, string Body, double Score);

/// <summary>
/// The staff-written knowledge base and its hybrid retrieval: PostgreSQL full-text search and cosine
/// similarity over the local embeddings, each ranked, merged by reciprocal rank. The vectors of the
/// published passages are held in memory (the knowledge base is small) and reloaded after an edit.
/// </summary>
public sealed partial class KnowledgeBase(
    HibachiDbContext db, AssistantModel model, IMemoryCache cache, QdrantKnowledgeIndex qdrant, CurrentActor actor, TimeProvider clock, ILogger<KnowledgeBase> logger)
{
    private const string VectorsKey = "knowledge:vectors";

    /// <summary>Reciprocal rank fusion constant (the usual 60).</summary>
    private const double Fusion = 60;

    /// <summary>A passage only counts as an answer when it is at least this close in meaning, or matches words.</summary>
    private const double MinimumSimilarity = 0.35;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string question, float[] vector, int take, CancellationToken cancellationToken)
    {
        var bySimilarity = await NearestAsync(vector, cancellationToken);

        var terms = Terms(question);
        var byWords = new List<Guid>();
        if (terms.Length > 0)
        {
            var query = string.Join(" | ", terms);
            byWords = await db.KnowledgeArticles.AsNoTracking()
                .Where(a => a.IsPublished && a.SearchVector.Matches(EF.Functions.ToTsQuery("english", query)))
                .OrderByDescending(a => a.SearchVector.Rank(EF.Functions.ToTsQuery("english", query)))
                .Select(a => a.Id)
                .Take(10)
                .ToListAsync(cancellationToken);
        }

        var fused = new Dictionary<Guid, double>();
        for (var i = 0; i < bySimilarity.Count; i++)
        {
            fused[bySimilarity[i].Id] = fused.GetValueOrDefault(bySimilarity[i].Id) + 1 / (Fusion + i + 1);
        }

        for (var i = 0; i < byWords.Count; i++)
        {
            fused[byWords[i]] = fused.GetValueOrDefault(byWords[i]) + 1 / (Fusion + i + 1);
        }

        var best = fused.OrderByDescending(f => f.Value).Take(take).Select(f => f.Key).ToList();
        var passages = await db.KnowledgeArticles.AsNoTracking().Where(a => best.Contains(a.Id) && a.IsPublished)
            .Select(a => new { a.Id, a.Title, a.Body, a.Embedding }).ToListAsync(cancellationToken);
        return passages
            .Select(p => new KnowledgeHit(p.Id, p.Title, p.Body, Math.Round(Vectors.Dot(p.Embedding, vector), 3)))
            .OrderBy(h => best.IndexOf(h.Id))
            .ToList();
    }

    /// <summary>The passages closest in meaning: from Qdrant when it is configured and answers, else from the vectors held in memory.</summary>
    private async Task<List<(Guid Id, double Score)>> NearestAsync(float[] vector, CancellationToken cancellationToken)
    {
        if (qdrant.Enabled)
        {
            try
            {
                return [.. await qdrant.SearchAsync(vector, 10, MinimumSimilarity, cancellationToken)];
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Qdrant did not answer ({Error}); the knowledge base searches in memory.", exception.Message);
            }
        }

        return (await VectorsAsync(cancellationToken))
            .Select(p => (p.Id, Score: (double)Vectors.Dot(p.Embedding, vector)))
            .Where(p => p.Score >= MinimumSimilarity)
            .OrderByDescending(p => p.Score)
            .Take(10)
            .ToList();
    }

    /// <summary>Keeps Qdrant's points in step with PostgreSQL (the source of truth); a failure is logged and repaired at the next start.</summary>
    private async Task SyncVectorsAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        if (!qdrant.Enabled)
        {
            return;
        }

        try
        {
            await change();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Qdrant could not be updated ({Error}); searches fall back to memory until the next start re-syncs it.", exception.Message);
        }
    }

    public async Task<IReadOnlyList<KnowledgeArticleDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.KnowledgeArticles.AsNoTracking().OrderBy(a => a.Title).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<KnowledgeArticleDto?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } article ? ToDto(article) : null;

    public async Task<Result<KnowledgeArticleDto>> SaveAsync(Guid? id, KnowledgeArticleRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("title", request.Title, 200, "Title");
        errors.Required("body", request.Body, 8000, "Text");
        var tags = (request.Tags ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > 20 || tags.Any(t => t.Length > 40))
        {
            errors.Add("tags", "At most 20 tags of up to 40 characters.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var title = Text.Clean(request.Title)!;
        if (await db.KnowledgeArticles.AnyAsync(a => a.Title == title && a.Id != id, cancellationToken))
        {
            return Failure.Invalid("title", "Another article has this title.");
        }

        KnowledgeArticle? article;
        if (id is { } existing)
        {
            article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == existing, cancellationToken);
            if (article is null)
            {
                return Failure.NotFound("Article");
            }
        }
        else
        {
            article = new KnowledgeArticle { Title = title, Body = "" };
            db.KnowledgeArticles.Add(article);
        }

        article.Title = title;
        article.Body = Text.Clean(request.Body)!;
        article.Tags = tags;
        article.IsPublished = request.IsPublished ?? true;
        article.Embedding = model.Embed(article.Title + ". " + article.Body);
        article.UpdatedByName = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(VectorsKey);
        await SyncVectorsAsync(() => article.IsPublished
            ? qdrant.UpsertAsync([(article.Id, article.Embedding)], cancellationToken)
            : qdrant.RemoveAsync(article.Id, cancellationToken), cancellationToken);
        return ToDto(article);
    }

    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.KnowledgeArticles.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        cache.Remove(VectorsKey);
        await SyncVectorsAsync(() => qdrant.RemoveAsync(id, cancellationToken), cancellationToken);
        return deleted == 0 ? Failure.NotFound("Article") : Result.Success;
    }

    /// <summary>Adds the starting articles that are missing (by title); staff edits are never overwritten.</summary>
    public async Task SeedAsync(IEnumerable<(string Title, string Body, string[] Tags)> articles, CancellationToken cancellationToken)
    {
        var titles = await db.KnowledgeArticles.Select(a => a.Title).ToListAsync(cancellationToken);
        var missing = articles.Where(a => !titles.Contains(a.Title)).ToList();
        if (missing.Count == 0)
        {
            await SyncAllAsync(cancellationToken);
            return;
        }

        var vectors = model.Embedder.EmbedMany(missing.Select(a => a.Title + ". " + a.Body).ToList());
        for (var i = 0; i < missing.Count; i++)
        {
            db.KnowledgeArticles.Add(new KnowledgeArticle
            {
                Title = missing[i].Title, Body = missing[i].Body, Tags = [.. missing[i].Tags], Embedding = vectors[i], UpdatedByName = CurrentActor.SystemName,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(VectorsKey);
        await SyncAllAsync(cancellationToken);
    }

    /// <summary>At start: every published article's point in Qdrant, whatever happened while it was away.</summary>
    private async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        if (!qdrant.Enabled)
        {
            return;
        }

        var published = await db.KnowledgeArticles.AsNoTracking().Where(a => a.IsPublished).Select(a => new { a.Id, a.Embedding }).ToListAsync(cancellationToken);
        await SyncVectorsAsync(() => qdrant.UpsertAsync(published.Select(p => (p.Id, p.Embedding)).ToList(), cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<(Guid Id, string Title, string Body, float[] Embedding)>> VectorsAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(VectorsKey, async entry =>
        {
            // Another replica's edit shows here within a minute.
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var rows = await db.KnowledgeArticles.AsNoTracking().Where(a => a.IsPublished)
                .Select(a => new { a.Id, a.Title, a.Body, a.Embedding }).ToListAsync(cancellationToken);
            return rows.Select(r => (r.Id, r.Title, r.Body, r.Embedding)).ToList();
        }))!;

    private static string[] Terms(string question) =>
        WordPattern().Matches(question.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2).Distinct().Take(20).ToArray();

    private KnowledgeArticleDto ToDto(KnowledgeArticle a) =>
        new(a.Id, a.Title, a.Body, a.Tags, a.IsPublished, a.UpdatedByName, a.UpdatedAt == default ? clock.GetUtcNow() : a.UpdatedAt);

    [GeneratedRegex("[a-z]+")]
    private static partial Regex WordPattern();
}
