using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Pricing;

/// <summary>
/// Prices as staff manage them: every price-list value and menu price, changed one at a time within
/// its bounds and with a reason, each change kept in price_change_history and announced (admins are
/// e-mailed). Quotes and bookings keep the prices they were made with.
/// </summary>
public sealed class PricingAdmin(HibachiDbContext db, CurrentActor actor, TimeProvider clock)
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    public async Task<IReadOnlyList<PriceItemDto>> ListAsync(CancellationToken cancellationToken)
    {
        var items = await db.PriceItems.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var menu = await db.MenuItems.AsNoTracking().OrderBy(m => m.Category).ThenBy(m => m.SortOrder).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        return [.. items.Select(ToDto), .. menu.Select(ToDto)];
    }

    public async Task<Result<PriceItemDto>> UpdateAsync(Guid id, PriceUpdateRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = request.Reason?.Trim();
        if (reason is null || reason.Length is < MinReasonLength or > MaxReasonLength)
        {
            errors.Add("reason", $"Say why the price changes ({MinReasonLength}–{MaxReasonLength} characters).");
        }

        if (request.Value is null)
        {
            errors.Add("value", "Enter the new value.");
        }
        else if (request.Value < 0)
        {
            errors.Add("value", "A price cannot be negative.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        var value = request.Value!.Value;
        PriceChange change;
        PriceItemDto updated;
        if (await db.PriceItems.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } item)
        {
            if (OutOfBounds(value, item.MinValue, item.MaxValue, item.Unit) is { } outside)
            {
                return outside;
            }

            change = Change(PriceKind.PriceItem, item.Code, item.Name, item.Value, value, item.Unit, reason!, now);
            item.Value = value;
            updated = ToDto(item);
        }
        else if (await db.MenuItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } menu)
        {
            if (OutOfBounds(value, menu.MinPriceCents, menu.MaxPriceCents, "cents") is { } outside)
            {
                return outside;
            }

            change = Change(PriceKind.MenuItem, menu.Code, menu.Name, menu.PriceCents, value, "cents", reason!, now);
            menu.PriceCents = value;
            updated = ToDto(menu);
        }
        else
        {
            return Failure.NotFound("Price");
        }

        if (change.OldValue == change.NewValue)
        {
            return updated; // nothing changed: no history row, no announcement
        }

        db.PriceChanges.Add(change);
        db.Publish(new PriceChanged(change.Id, Enum.Parse<PriceKind>(change.Kind), change.Code, change.Name, change.OldValue, change.NewValue, change.Reason,
            change.ChangedByName, change.Unit), now);
        await db.SaveChangesAsync(cancellationToken);
        return updated with { UpdatedAt = now };
    }

    public async Task<Result<PagedList<PriceChangeDto>>> HistoryAsync(PriceHistoryQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        Paging.ValidText(query.Code, "code", 50, errors);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var changes = db.PriceChanges.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Code))
        {
            changes = changes.Where(c => c.Code == query.Code.Trim());
        }

        var count = await Paging.CountAsync(changes, cancellationToken);
        var rows = await changes.OrderByDescending(c => c.ChangedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Paging.Page(rows.Select(ToDto).ToList(), page, pageSize, count);
    }

    public async Task<IReadOnlyList<PriceChangeDto>> RecentAsync(int count, CancellationToken cancellationToken) =>
        (await db.PriceChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).Take(count).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    private PriceChange Change(PriceKind kind, string code, string name, long oldValue, long newValue, string unit, string reason, DateTimeOffset now) => new()
    {
        Kind = kind.ToString(),
        Code = code,
        Name = name,
        OldValue = oldValue,
        NewValue = newValue,
        Unit = unit,
        Reason = Text.Clean(reason)!,
        ChangedBy = actor.UserId,
        ChangedByName = actor.Name,
        ChangedAt = now,
    };

    private static Failure? OutOfBounds(long value, long min, long max, string unit) =>
        value < min || value > max
            ? new Failure(StatusCodes.Status422UnprocessableEntity, ProblemCodes.PriceOutOfBounds, "The value is outside this price's bounds.",
                $"Choose a value from {min} to {max} ({unit}).", new ValidationErrors().Add("value", $"From {min} to {max} {unit}.").ToDictionary())
            : null;

    public static PriceItemDto ToDto(PriceItem item) =>
        new(item.Id, PriceKind.PriceItem, item.Code, item.Name, item.Value, item.Unit, item.MinValue, item.MaxValue, item.UpdatedAt);

    public static PriceItemDto ToDto(MenuItem item) =>
        new(item.Id, PriceKind.MenuItem, item.Code, item.Name, item.PriceCents, "cents", item.MinPriceCents, item.MaxPriceCents, item.UpdatedAt);

    public static PriceChangeDto ToDto(PriceChange change) =>
        new(change.Id, Enum.Parse<PriceKind>(change.Kind), change.Code, change.Name, change.OldValue, change.NewValue, change.Unit, change.Reason,
            change.ChangedByName, change.ChangedAt);
}

public static class PricingApi
{
    public static IServiceCollection AddPricingAdmin(this IServiceCollection services) => services.AddScoped<PricingAdmin>();

    public static IEndpointRouteBuilder MapPricingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/pricing").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api)
            .WithTags("Prices").RequireStaff().RequirePermission(Permissions.PricingManage);
        api.MapGet("", ListPrices).WithName("ListPrices").WithSummary("Every price: price-list values and menu prices, with their bounds");
        api.MapPut("/{id:guid}", UpdatePrice).WithName("UpdatePrice")
            .WithSummary("Change one price (within its bounds, with a reason of 10–500 characters); quotes and bookings already made keep theirs")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/history", PriceHistory).WithName("PriceHistory").WithSummary("Every price change, newest first: old, new, who, when and why")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PriceItemDto>>> ListPrices(PricingAdmin pricing, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pricing.ListAsync(cancellationToken));

    public static async Task<Results<Ok<PriceItemDto>, ProblemHttpResult>> UpdatePrice(
        Guid id, PriceUpdateRequest request, PricingAdmin pricing, CancellationToken cancellationToken) =>
        await pricing.UpdateAsync(id, request, cancellationToken).ToOk();

    public static async Task<Results<Ok<PagedList<PriceChangeDto>>, ProblemHttpResult>> PriceHistory(
        [AsParameters] PriceHistoryQuery query, PricingAdmin pricing, CancellationToken cancellationToken) =>
        await pricing.HistoryAsync(query, cancellationToken).ToOk();
}
