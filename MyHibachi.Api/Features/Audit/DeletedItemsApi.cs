using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Audit;

/// <summary>The recycle bin: everything soft-deleted in the last 30 days, with who deleted it and why.</summary>
public static class DeletedItemsApi
{
    public static IEndpointRouteBuilder MapDeletedItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/deleted", ListDeleted)
            .WithTags("Audit").WithName("ListDeletedItems")
            .WithSummary("Soft-deleted records still inside their 30-day restore window, newest first")
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.SoftDelete)
            .RequireStaff().RequirePermission(Permissions.AuditRead)
            .RequireRateLimiting(RateLimitPolicies.Api);
        return app;
    }

    public static async Task<Results<Ok<PagedList<DeletedItemDto>>, ProblemHttpResult>> ListDeleted(
        [AsParameters] DeletedItemsQuery query, IEnumerable<DeletableType> deletable, HibachiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var types = deletable.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        if (query.Type is not null && !types.ContainsKey(query.Type))
        {
            errors.Add("type", $"Use one of {string.Join(", ", types.Keys)}.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors).ToResult();
        }

        var since = SoftDeletion.PurgeBefore(clock.Now());
        // Type names and SQL come from the features' registrations, never from the request.
        var union = string.Join(" UNION ALL ", types.Values
            .Where(t => query.Type is null || t.Name == query.Type)
            .Select(t => $"SELECT '{t.Name}' AS type, d.* FROM ({t.DeletedRowsSql}) AS d"));
        var rows = db.Database.SqlQueryRaw<DeletedRow>(union).Where(r => r.DeletedAt >= since);
        var total = await Paging.CountAsync(rows, cancellationToken);
        var pageItems = await rows.OrderByDescending(r => r.DeletedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);

        var ids = pageItems.Select(i => i.Id.ToString()).ToList();
        var deleters = await db.AuditLog.AsNoTracking()
            .Where(a => a.Action == "delete" && ids.Contains(a.EntityId))
            .GroupBy(a => a.EntityId)
            .Select(g => g.OrderByDescending(a => a.Id).Select(a => new { a.EntityId, a.ActorName }).First())
            .ToDictionaryAsync(a => a.EntityId, a => a.ActorName, cancellationToken);
        var items = pageItems.Select(i => new DeletedItemDto(
            i.Type, i.Id, i.Label, i.DeletedAt, i.DeletedBy, deleters.GetValueOrDefault(i.Id.ToString()), i.Reason,
            i.DeletedAt.AddDays(SoftDeletion.RestoreWindowDays), types[i.Type].RestorePath(i.Id))).ToList();
        return TypedResults.Ok(Paging.Page(items, page, pageSize, total));
    }
}
