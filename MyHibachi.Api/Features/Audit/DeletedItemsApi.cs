using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Audit;

public sealed record DeletedItemDto(
    string Type, Guid Id, string Label, DateTimeOffset DeletedAt, Guid? DeletedBy, string? DeletedByName, string? Reason,
    DateTimeOffset RestorableUntil, string RestorePath);

/// <summary>The recycle bin: everything soft-deleted in the last 30 days, with who deleted it and why.</summary>
public static class DeletedItemsApi
{
    public static readonly string[] Types = ["customer", "chef", "booking", "lead"];

    public static IEndpointRouteBuilder MapDeletedItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/deleted", ListDeleted)
            .WithTags("Audit").WithName("ListDeletedItems")
            .WithSummary("Soft-deleted records still inside their 30-day restore window, newest first")
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.SoftDelete)
            .RequireStaff().RequirePermission(Permissions.AuditRead);
        return app;
    }

    public static async Task<Results<Ok<PagedList<DeletedItemDto>>, ProblemHttpResult>> ListDeleted(
        string? type, int? page, int? pageSize, HibachiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Validate(page, pageSize, errors);
        if (type is not null && !Types.Contains(type))
        {
            errors.Add("type", $"Use one of {string.Join(", ", Types)}.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors).ToResult();
        }

        var since = SoftDeletion.PurgeBefore(clock.Now());
        var items = new List<(string Type, Guid Id, string Label, DateTimeOffset DeletedAt, Guid? By, string? Reason)>();
        if (type is null or "customer")
        {
            items.AddRange((await db.Customers.IgnoreQueryFilters([HibachiDbContext.SoftDeleteFilter]).Where(c => c.DeletedAt >= since)
                    .Select(c => new { c.Id, Label = c.FirstName + " " + c.LastName + " <" + c.Email + ">", c.DeletedAt, c.DeletedBy, c.DeleteReason })
                    .ToListAsync(cancellationToken))
                .Select(c => ("customer", c.Id, c.Label, c.DeletedAt!.Value, c.DeletedBy, c.DeleteReason)));
        }

        if (type is null or "chef")
        {
            items.AddRange((await db.Chefs.IgnoreQueryFilters([HibachiDbContext.SoftDeleteFilter]).Where(c => c.DeletedAt >= since)
                    .Select(c => new { c.Id, Label = c.FirstName + " " + c.LastName, c.DeletedAt, c.DeletedBy, c.DeleteReason })
                    .ToListAsync(cancellationToken))
                .Select(c => ("chef", c.Id, c.Label, c.DeletedAt!.Value, c.DeletedBy, c.DeleteReason)));
        }

        if (type is null or "booking")
        {
            items.AddRange((await db.Bookings.IgnoreQueryFilters([HibachiDbContext.SoftDeleteFilter]).Where(b => b.DeletedAt >= since)
                    .Select(b => new { b.Id, Label = b.Reference + " · " + b.ContactName, b.DeletedAt, b.DeletedBy, b.DeleteReason })
                    .ToListAsync(cancellationToken))
                .Select(b => ("booking", b.Id, b.Label, b.DeletedAt!.Value, b.DeletedBy, b.DeleteReason)));
        }

        if (type is null or "lead")
        {
            items.AddRange((await db.Leads.IgnoreQueryFilters([HibachiDbContext.SoftDeleteFilter]).Where(l => l.DeletedAt >= since)
                    .Select(l => new { l.Id, Label = (l.Name ?? l.Email ?? l.Phone ?? "lead"), l.DeletedAt, l.DeletedBy, l.DeleteReason })
                    .ToListAsync(cancellationToken))
                .Select(l => ("lead", l.Id, l.Label, l.DeletedAt!.Value, l.DeletedBy, l.DeleteReason)));
        }

        var pageItems = items.OrderByDescending(i => i.DeletedAt).Skip((p - 1) * size).Take(size).ToList();
        var ids = pageItems.Select(i => i.Id.ToString()).ToList();
        var deleters = await db.AuditLog.AsNoTracking()
            .Where(a => a.Action == "delete" && ids.Contains(a.EntityId))
            .GroupBy(a => a.EntityId)
            .Select(g => g.OrderByDescending(a => a.Id).Select(a => new { a.EntityId, a.ActorName }).First())
            .ToDictionaryAsync(a => a.EntityId, a => a.ActorName, cancellationToken);
        var dtos = pageItems.Select(i => new DeletedItemDto(
            i.Type, i.Id, i.Label, i.DeletedAt, i.By, deleters.GetValueOrDefault(i.Id.ToString()), i.Reason,
            i.DeletedAt.AddDays(SoftDeletion.RestoreWindowDays), RestorePath(i.Type, i.Id))).ToList();
        return TypedResults.Ok(new PagedList<DeletedItemDto>(dtos, p, size, items.Count));
    }

    public static string RestorePath(string type, Guid id) => type switch
    {
        "customer" => $"/api/customers/{id}/restore",
        "chef" => $"/api/chefs/{id}/restore",
        "booking" => $"/api/bookings/{id}/restore",
        _ => $"/api/admin/leads/{id}/restore",
    };
}
