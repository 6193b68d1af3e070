using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Quotes;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Internal;

/// <summary>Endpoints the Workers call with their service credentials: scheduled jobs and the record of handled messages.</summary>
public static class InternalApi
{
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/internal").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api).WithTags("Internal (workers)").RequirePermission(Permissions.InternalAccess)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Service));

        api.MapPost("/purge", Purge).WithName("PurgeDeleted")
            .WithSummary("Remove for good what was soft-deleted more than 30 days ago (nightly job)");
        api.MapPost("/quotes/follow-up", FollowUpQuotes).WithName("FollowUpAbandonedQuotes")
            .WithSummary("Turn quotes with contact details that were not booked within 24 hours into leads (hourly job)");
        api.MapGet("/handled-messages/{consumer}/{messageId:guid}", GetHandledMessage).WithName("GetHandledMessage")
            .WithSummary("Has this consumer already handled this message?");
        api.MapPut("/handled-messages/{consumer}/{messageId:guid}", RecordHandledMessage).WithName("RecordHandledMessage")
            .WithSummary("Record that a consumer handled a message (a repeat counts a redelivery)");
        api.MapGet("/handled-messages/{consumer}", ListHandledMessages).WithName("ListHandledMessages")
            .WithSummary("What a consumer has handled, newest first");
        return app;
    }

    public static async Task<Ok<PurgeResult>> Purge(HibachiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var before = SoftDeletion.PurgeBefore(clock.Now());
        // A booking that took or returned money stays (its ledger and invoices are the business's records).
        var bookings = await db.Bookings.IncludingDeleted()
            .Where(b => b.DeletedAt < before && !db.Ledger.Any(e => e.BookingId == b.Id)).ToListAsync(cancellationToken);
        // Reviews deleted a month ago go, and so do the reviews of the bookings that go.
        var purgedBookingIds = bookings.Select(b => b.Id).ToList();
        db.Reviews.RemoveRange(await db.Reviews.IncludingDeleted()
            .Where(r => r.DeletedAt < before || purgedBookingIds.Contains(r.BookingId)).ToListAsync(cancellationToken));
        db.Bookings.RemoveRange(bookings);
        var leads = await db.Leads.IncludingDeleted().Include(l => l.Notes)
            .Where(l => l.DeletedAt < before).ToListAsync(cancellationToken);
        db.Leads.RemoveRange(leads);
        await db.SaveChangesAsync(cancellationToken);

        // Customers and chefs that live bookings still point at stay (history keeps its people).
        var customers = await db.Customers.IncludingDeleted()
            .Where(c => c.DeletedAt < before).ToListAsync(cancellationToken);
        var chefs = await db.Chefs.IncludingDeleted()
            .Where(c => c.DeletedAt < before).ToListAsync(cancellationToken);
        var customerIds = customers.Select(c => c.Id).ToList();
        var chefIds = chefs.Select(c => c.Id).ToList();
        var referencedCustomers = await db.Bookings.IncludingDeleted()
            .Where(b => customerIds.Contains(b.CustomerId)).Select(b => b.CustomerId).Distinct().ToListAsync(cancellationToken);
        var referencedChefs = await db.Bookings.IncludingDeleted()
            .Where(b => b.ChefId != null && chefIds.Contains(b.ChefId.Value)).Select(b => b.ChefId!.Value).Distinct().ToListAsync(cancellationToken);
        var purgeCustomers = customers.Where(c => !referencedCustomers.Contains(c.Id)).ToList();
        var purgeChefs = chefs.Where(c => !referencedChefs.Contains(c.Id)).ToList();
        if (purgeChefs.Count > 0)
        {
            var ids = purgeChefs.Select(c => c.Id).ToList();
            db.ChefWorkingHours.RemoveRange(await db.ChefWorkingHours.Where(h => ids.Contains(h.ChefId)).ToListAsync(cancellationToken));
            db.ChefDateOverrides.RemoveRange(await db.ChefDateOverrides.Where(o => ids.Contains(o.ChefId)).ToListAsync(cancellationToken));
            db.ChefTimeOff.RemoveRange(await db.ChefTimeOff.Where(t => ids.Contains(t.ChefId)).ToListAsync(cancellationToken));
        }

        db.Customers.RemoveRange(purgeCustomers);
        db.Chefs.RemoveRange(purgeChefs);
        await db.SaveChangesAsync(cancellationToken);
        var kept = customers.Count - purgeCustomers.Count + chefs.Count - purgeChefs.Count;
        return TypedResults.Ok(new PurgeResult(bookings.Count, leads.Count, purgeCustomers.Count, purgeChefs.Count, kept));
    }

    public static async Task<Ok<FollowUpResult>> FollowUpQuotes(int? afterHours, QuoteService quotes, CancellationToken cancellationToken) =>
        TypedResults.Ok(new FollowUpResult(await quotes.FollowUpAbandonedAsync(TimeSpan.FromHours(Math.Clamp(afterHours ?? 24, 0, 24 * 30)), cancellationToken)));

    public static async Task<Results<Ok<HandledMessageDto>, NotFound>> GetHandledMessage(string consumer, Guid messageId, HibachiDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.ProcessedMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Consumer == consumer && m.MessageId == messageId, cancellationToken);
        return entry is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(entry));
    }

    public static async Task<Results<Ok<HandledMessageDto>, ProblemHttpResult>> RecordHandledMessage(
        string consumer, Guid messageId, HibachiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (consumer.Length > 100)
        {
            return Failure.Invalid("consumer", "At most 100 characters.").ToResult();
        }

        // One statement, so concurrent redeliveries count correctly.
        await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO processed_messages (consumer, message_id, processed_at, deliveries) VALUES ({consumer}, {messageId}, {clock.Now()}, 1)
             ON CONFLICT (consumer, message_id) DO UPDATE SET deliveries = processed_messages.deliveries + 1
             """, cancellationToken);
        var entry = await db.ProcessedMessages.AsNoTracking().FirstAsync(m => m.Consumer == consumer && m.MessageId == messageId, cancellationToken);
        return TypedResults.Ok(ToDto(entry));
    }

    public static async Task<Ok<PagedList<HandledMessageDto>>> ListHandledMessages(string consumer, int? page, int? pageSize, HibachiDbContext db, CancellationToken cancellationToken)
    {
        var p = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? 100, 1, 1000);
        var entries = db.ProcessedMessages.AsNoTracking().Where(m => m.Consumer == consumer);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(m => m.ProcessedAt).Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<HandledMessageDto>(items.Select(ToDto).ToList(), p, size, total));
    }

    private static HandledMessageDto ToDto(ProcessedMessage m) => new(m.Consumer, m.MessageId, m.ProcessedAt, m.Deliveries);
}
