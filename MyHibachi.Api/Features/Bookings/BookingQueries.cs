using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Bookings;

/// <summary>Bookings as the Api shows them: one booking, lists, and the summaries the dashboard is built from.</summary>
public sealed class BookingQueries(HibachiDbContext db, AccessScope scope, RolePermissionCache grants, TimeProvider clock)
{
    private static readonly string[] Sorts = ["startsAt", "-startsAt", "createdAt", "-createdAt"];

    /// <summary>The booking, tracked for a change, if the signed-in user may see it.</summary>
    public Task<Booking?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        scope.Bookings(db.Bookings).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    /// <summary>The booking as the Api shows it, with its row version, in one round trip; null when out of reach.</summary>
    public async Task<(BookingDto Booking, uint Version)?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (
            from b in scope.Bookings(db.Bookings).AsNoTracking()
            where b.Id == id && b.DeletedAt == null // the filters are off for the whole query, so say it here
            join s in db.Stations.IncludingDeleted() on b.StationId equals s.Id
            join c in db.Chefs.IncludingDeleted() on b.ChefId equals c.Id into chefs
            from c in chefs.DefaultIfEmpty()
            select new { Booking = b, s.TimeZone, s.CustomerChangeCutoffHours, ChefName = c == null ? null : c.FirstName + " " + c.LastName })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null
            : (ToDto(row.Booking, row.TimeZone, row.ChefName, clock.Now(), await CallerAsync(row.Booking, row.CustomerChangeCutoffHours)), row.Booking.Version);
    }

    /// <summary>The DTO of a booking already loaded (after a change).</summary>
    public async Task<BookingDto> ToDtoAsync(Booking booking, CancellationToken cancellationToken)
    {
        var station = await db.Stations.IncludingDeleted().Where(s => s.Id == booking.StationId)
            .Select(s => new { s.TimeZone, s.CustomerChangeCutoffHours }).FirstAsync(cancellationToken);
        var chefName = booking.ChefId is { } chefId
            ? await db.Chefs.IncludingDeleted().Where(c => c.Id == chefId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return ToDto(booking, station.TimeZone, chefName, clock.Now(), await CallerAsync(booking, station.CustomerChangeCutoffHours));
    }

    /// <summary>What the signed-in user may do to this booking (see <see cref="BookingRules.AllowedActions"/>).</summary>
    private async Task<BookingCaller> CallerAsync(Booking booking, int customerCutoffHours)
    {
        if (scope.IsSystem)
        {
            return BookingCaller.Staff;
        }

        var permissions = await grants.PermissionsOfAsync(scope.Roles);
        return new BookingCaller(
            permissions.Contains(Permissions.BookingsUpdate), permissions.Contains(Permissions.BookingsManage), permissions.Contains(Permissions.BookingsCancel),
            scope.Kind == ScopeKind.Customer ? booking.StartsAt.AddHours(-customerCutoffHours) : null);
    }

    public static BookingDto ToDto(Booking b, string timeZone, string? chefName, DateTimeOffset now, BookingCaller caller)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(b.StartsAt, zone);
        return new BookingDto(
            b.Id, b.Reference, b.StationId, b.CustomerId, b.ChefId, chefName, b.QuoteId, b.Status.ToContract(), b.StartsAt, b.EndsAt,
            DateOnly.FromDateTime(local.DateTime), local.ToString("HH:mm", CultureInfo.InvariantCulture), timeZone,
            b.DurationMinutes, b.Adults, b.Children, new ContactDto(b.ContactName, b.ContactEmail, b.ContactPhone),
            new AddressDto(b.AddressLine1, b.AddressLine2, b.City, b.State, b.Zip), b.Selections.ToDtos(), b.Breakdown.ToDto(),
            b.DietaryNotes, b.SpecialRequests, b.Source.ToContract(), b.CancelReason, b.ConfirmedAt, b.CancelledAt, b.CompletedAt,
            b.CreatedAt, b.UpdatedAt, BookingRules.AllowedActions(b, now, caller));
    }

    /// <summary>The time zone of a booking's station, deleted or not (the booking keeps its station).</summary>
    public Task<string> StationTimeZoneAsync(Guid stationId, CancellationToken cancellationToken) =>
        db.Stations.IncludingDeleted().Where(s => s.Id == stationId).Select(s => s.TimeZone).FirstAsync(cancellationToken);

    public async Task<Result<PagedList<BookingSummaryDto>>> ListAsync(BookingListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        errors.MaxLength("q", query.Q, 200);
        errors.Instant("from", query.From);
        var wantedStatus = errors.Member("status", query.Status, EnumMappings.ToEntity);
        errors.Instant("to", query.To);
        if (query is { From: { } from, To: { } to } && to < from)
        {
            errors.Add("to", "'to' must be on or after 'from'.");
        }

        if (query.Sort is not null && !Sorts.Contains(query.Sort))
        {
            errors.Add("sort", "Sort by startsAt, -startsAt, createdAt or -createdAt.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var bookings = scope.Bookings(db.Bookings).AsNoTracking();
        if (wantedStatus is { } wanted)
        {
            bookings = bookings.Where(b => b.Status == wanted);
        }

        if (query.StationId is { } stationId)
        {
            bookings = bookings.Where(b => b.StationId == stationId);
        }

        if (query.ChefId is { } chefId)
        {
            bookings = bookings.Where(b => b.ChefId == chefId);
        }

        if (query.CustomerId is { } customerId)
        {
            bookings = bookings.Where(b => b.CustomerId == customerId);
        }

        if (query.From is { } fromInstant)
        {
            var fromUtc = fromInstant.ToUniversalTime();
            bookings = bookings.Where(b => b.StartsAt >= fromUtc);
        }

        if (query.To is { } toInstant)
        {
            var toUtc = toInstant.ToUniversalTime();
            bookings = bookings.Where(b => b.StartsAt <= toUtc);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Like.Escape(query.Q.Trim())}%";
            bookings = bookings.Where(b => EF.Functions.ILike(b.Reference, pattern, "\\") || EF.Functions.ILike(b.ContactName, pattern, "\\")
                                           || EF.Functions.ILike(b.ContactEmail, pattern, "\\") || EF.Functions.ILike(b.City, pattern, "\\"));
        }

        var total = await Paging.CountAsync(bookings, cancellationToken);
        bookings = query.Sort switch
        {
            "-startsAt" => bookings.OrderByDescending(b => b.StartsAt),
            "createdAt" => bookings.OrderBy(b => b.CreatedAt),
            "-createdAt" => bookings.OrderByDescending(b => b.CreatedAt),
            _ => bookings.OrderBy(b => b.StartsAt).ThenBy(b => b.Id),
        };

        var summaries = await SummariesAsync(bookings.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return Paging.Page(summaries, page, pageSize, total);
    }

    /// <summary>The summary of each booking of an ordered query, with its local date and time and its chef's name.</summary>
    public async Task<IReadOnlyList<BookingSummaryDto>> SummariesAsync(IQueryable<Booking> bookings, CancellationToken cancellationToken)
    {
        var items = await bookings
            .Select(b => new { b.Id, b.Reference, b.StationId, b.ChefId, b.Status, b.StartsAt, b.Adults, b.Children, b.ContactName, b.City, b.Breakdown })
            .ToListAsync(cancellationToken);
        var zones = await StationZonesAsync(items.Select(i => i.StationId), cancellationToken);
        var chefIds = items.Where(i => i.ChefId != null).Select(i => i.ChefId!.Value).Distinct().ToList();
        var chefNames = await db.Chefs.IncludingDeleted().AsNoTracking()
            .Where(c => chefIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, cancellationToken);
        return items.Select(i =>
        {
            var local = TimeZoneInfo.ConvertTime(i.StartsAt, zones[i.StationId]);
            return new BookingSummaryDto(i.Id, i.Reference, i.StationId, i.ChefId, i.ChefId is { } c ? chefNames.GetValueOrDefault(c) : null,
                i.Status.ToContract(), i.StartsAt, DateOnly.FromDateTime(local.DateTime), local.ToString("HH:mm", CultureInfo.InvariantCulture),
                i.Adults + i.Children, i.ContactName, i.City, i.Breakdown.TotalCents, i.Breakdown.DepositCents);
        }).ToList();
    }

    /// <summary>The time zone of each station, deleted ones included (their bookings keep them).</summary>
    public async Task<Dictionary<Guid, TimeZoneInfo>> StationZonesAsync(IEnumerable<Guid> stationIds, CancellationToken cancellationToken)
    {
        var ids = stationIds.Distinct().ToList();
        return (await db.Stations.IncludingDeleted().AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, AvailabilityService.Zone);
    }
}
