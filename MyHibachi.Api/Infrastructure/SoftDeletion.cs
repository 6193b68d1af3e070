using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Infrastructure;

/// <summary>The rules every soft-deletable record shares: a 10–500 character reason, a 30-day restore window.</summary>
public static class SoftDeletion
{
    public const int RestoreWindowDays = 30;
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    public static Failure? ValidateReason(DeleteRequest? request)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < MinReasonLength || reason.Length > MaxReasonLength)
        {
            return Failure.Invalid("reason", $"Say why it is deleted, in {MinReasonLength} to {MaxReasonLength} characters.");
        }

        return null;
    }

    public static void MarkDeleted(ISoftDeletable entity, Guid? actorId, string reason, DateTimeOffset now)
    {
        entity.DeletedAt = now;
        entity.DeletedBy = actorId;
        entity.DeleteReason = reason.Trim();
    }

    /// <summary>Null when it can be restored; otherwise why not.</summary>
    public static Failure? CanRestore(ISoftDeletable entity, DateTimeOffset now)
    {
        if (entity.DeletedAt is null)
        {
            return Failure.Conflict(ProblemCodes.NotDeleted, "This record is not deleted.");
        }

        if (entity.DeletedAt.Value.AddDays(RestoreWindowDays) < now)
        {
            return new Failure(StatusCodes.Status410Gone, ProblemCodes.RestoreWindowPassed, "The restore window has passed.",
                $"Deleted records can be restored for {RestoreWindowDays} days.");
        }

        return null;
    }

    public static void Restore(ISoftDeletable entity)
    {
        entity.DeletedAt = null;
        entity.DeletedBy = null;
        entity.DeleteReason = null;
    }

    public static DateTimeOffset PurgeBefore(DateTimeOffset now) => now.AddDays(-RestoreWindowDays);

    /// <summary>The rows with the soft-deleted ones (the other query filters still apply).</summary>
    public static IQueryable<T> IncludingDeleted<T>(this IQueryable<T> query) where T : class =>
        query.IgnoreQueryFilters([HibachiDbContext.SoftDeleteFilter]);
}
