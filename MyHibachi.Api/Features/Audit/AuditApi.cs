using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Audit;

public static class AuditApi
{
    private static readonly string[] Actions = ["create", "update", "delete", "restore", "purge"];

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", QueryAudit)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Audit").WithName("QueryAudit")
            .WithSummary("The audit trail, newest first: filter by entity, actor, action, kind (data or sign-in) and time")
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.AuditTrail)
            .RequireStaff().RequirePermission(Permissions.AuditRead);
        return app;
    }

    public static async Task<Results<Ok<PagedList<AuditEntryDto>>, ProblemHttpResult>> QueryAudit(
        [AsParameters] AuditQuery query, HibachiDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        errors.MaxLength("entityType", query.EntityType, 50);
        errors.MaxLength("entityId", query.EntityId, 64);
        errors.Instant("from", query.From);
        errors.Instant("to", query.To);
        if (query.Action is not null && !Actions.Contains(query.Action))
        {
            errors.Add("action", $"Use one of {string.Join(", ", Actions)}.");
        }

        if (query.Kind is not null && !AuditKinds.All.Contains(query.Kind))
        {
            errors.Add("kind", $"Use one of {string.Join(", ", AuditKinds.All)}.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors).ToResult();
        }

        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(a => a.EntityId == query.EntityId);
        }

        if (query.Kind is { } kind)
        {
            entries = entries.Where(a => a.Kind == kind);
        }

        if (query.ActorId is { } actorId)
        {
            entries = entries.Where(a => a.ActorId == actorId);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt <= toUtc);
        }

        var total = await Paging.CountAsync(entries, cancellationToken);
        var items = await entries.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.Page(items.Select(ToDto).ToList(), page, pageSize, total));
    }

    private static AuditEntryDto ToDto(AuditEntry a) => new(
        a.Id, a.OccurredAt, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, Parse(a.Before), Parse(a.After), a.RequestId, a.Label, a.Kind);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
