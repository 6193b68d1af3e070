using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Chefs;

public sealed class ChefService(HibachiDbContext db, AvailabilityService availability, AccessScope scope, CurrentActor actor, TimeProvider clock)
{
    public static ChefDto ToDto(Chef c) => new(
        c.Id, c.StationId, c.FirstName, c.LastName, c.Email, c.Phone, c.Bio, c.IsActive, c.MaxEventsPerDay,
        c.BufferBeforeMinutes, c.BufferAfterMinutes,
        c.WorkingHours.OrderBy(h => h.DayOfWeek).ThenBy(h => h.StartTime)
            .Select(h => new WorkingHoursDto(h.DayOfWeek, Format(h.StartTime), Format(h.EndTime))).ToList(),
        c.CreatedAt, c.UpdatedAt);

    public ChefDetailDto ToDetail(Chef c)
    {
        var today = DateOnly.FromDateTime(clock.Now().UtcDateTime).AddDays(-1);
        var now = clock.Now();
        return new ChefDetailDto(
            ToDto(c),
            c.DateOverrides.Where(o => o.Date >= today).OrderBy(o => o.Date)
                .Select(o => new DateOverrideDto(o.Date, o.IsWorking, o.StartTime is { } s ? Format(s) : null, o.EndTime is { } e ? Format(e) : null, o.Note)).ToList(),
            c.TimeOff.Where(t => t.EndsAt > now).OrderBy(t => t.StartsAt)
                .Select(t => new TimeOffDto(t.Id, t.StartsAt, t.EndsAt, t.Reason)).ToList());
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public async Task<Result<PagedList<ChefDto>>> ListAsync(ChefListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        errors.MaxLength("q", query.Q, 200);
        if (query.Sort is not null and not ("name" or "-name" or "createdAt" or "-createdAt"))
        {
            errors.Add("sort", "Sort by name, -name, createdAt or -createdAt.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var chefs = scope.Chefs(db.Chefs).AsNoTracking().Include(c => c.WorkingHours).AsQueryable();
        if (query.StationId is { } stationId)
        {
            chefs = chefs.Where(c => c.StationId == stationId);
        }

        if (query.IsActive is { } active)
        {
            chefs = chefs.Where(c => c.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Like.Escape(query.Q.Trim())}%";
            chefs = chefs.Where(c => EF.Functions.ILike(c.FirstName + " " + c.LastName, pattern, "\\") || EF.Functions.ILike(c.Email, pattern, "\\"));
        }

        var total = await Paging.CountAsync(chefs, cancellationToken);
        chefs = query.Sort switch
        {
            "-name" => chefs.OrderByDescending(c => c.FirstName).ThenByDescending(c => c.LastName),
            "createdAt" => chefs.OrderBy(c => c.CreatedAt),
            "-createdAt" => chefs.OrderByDescending(c => c.CreatedAt),
            _ => chefs.OrderBy(c => c.FirstName).ThenBy(c => c.LastName).ThenBy(c => c.Id),
        };

        var items = await chefs.Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return Paging.Page(items.Select(ToDto).ToList(), page, pageSize, total);
    }

    public Task<Chef?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        scope.Chefs(db.Chefs).Include(c => c.WorkingHours).Include(c => c.DateOverrides).Include(c => c.TimeOff)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Result<Chef>> CreateAsync(ChefRequest request, CancellationToken cancellationToken)
    {
        if (scope.Kind == ScopeKind.Station && request.StationId is null)
        {
            request = request with { StationId = scope.StationId };
        }

        if (scope.Kind == ScopeKind.Chef || request.StationId is { } wanted && !scope.CanUseStation(wanted))
        {
            return Failure.Forbidden("You can only add chefs to your own station.");
        }

        var chef = new Chef { FirstName = "", LastName = "", Email = "" };
        var errors = Apply(chef, request, creating: true);
        if (request.StationId is { } stationId && !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            errors.Add("stationId", "No such station.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await db.Chefs.AnyAsync(c => c.Email == chef.Email, cancellationToken))
        {
            return EmailConflict();
        }

        db.Chefs.Add(chef);
        await db.SaveChangesAsync(cancellationToken);
        return chef;
    }

    public async Task<Result<Chef>> UpdateAsync(Guid id, ChefRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        // Hours, buffers and the daily cap are the schedule bookings are placed against: change them under its lock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await availability.LockChefScheduleAsync(id, cancellationToken);
        var chef = await FindAsync(id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        if (precondition?.Allows(chef.Version) == false)
        {
            return Failure.PreconditionFailed();
        }

        if (scope.Kind == ScopeKind.Chef && (request.StationId is not null || request.FirstName is not null || request.LastName is not null
            || request.Email is not null || request.IsActive is not null || request.MaxEventsPerDay is not null
            || request.BufferBeforeMinutes is not null || request.BufferAfterMinutes is not null))
        {
            return Failure.Forbidden("Chefs change their phone, bio and weekly hours; ask your station manager for the rest.");
        }

        var wasActive = chef.IsActive;
        var errors = Apply(chef, request, creating: false);
        if (request.StationId is { } stationId && stationId != chef.StationId)
        {
            errors.Add("stationId", "A chef cannot move station while they have bookings; create them in the new station.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await db.Chefs.AnyAsync(c => c.Email == chef.Email && c.Id != id, cancellationToken))
        {
            return EmailConflict();
        }

        if (wasActive && !chef.IsActive && await UpcomingBookingsAsync(id, cancellationToken) is > 0 and var upcoming)
        {
            return Failure.Conflict(ProblemCodes.ChefHasBookings, "This chef has upcoming bookings.", $"Reassign their {upcoming} upcoming booking(s) before deactivating them.");
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == chef.StationId, cancellationToken);
        if (chef.IsActive && await availability.StrandedBookingsAsync(chef, station, cancellationToken) is { Count: > 0 } stranded)
        {
            return StrandsBookings(stranded);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chef;
    }

    /// <summary>The answer to a schedule change that would leave live bookings without their chef.</summary>
    public static Failure StrandsBookings(IReadOnlyList<string> references) =>
        Failure.Conflict(ProblemCodes.ChefHasBookings, "The chef has bookings in that time.",
            $"Reassign {string.Join(", ", references)} first.");

    public async Task<Result> DeleteAsync(Guid id, DeleteRequest? request, CancellationToken cancellationToken)
    {
        if (SoftDeletion.ValidateReason(request) is { } invalid)
        {
            return invalid;
        }

        // Under the schedule lock, so no booking takes the chef between the check and the delete.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await availability.LockChefScheduleAsync(id, cancellationToken);
        var chef = await scope.Chefs(db.Chefs).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        if (await UpcomingBookingsAsync(id, cancellationToken) is > 0 and var upcoming)
        {
            return Failure.Conflict(ProblemCodes.ChefHasBookings, "This chef has upcoming bookings.", $"Reassign their {upcoming} upcoming booking(s) first.");
        }

        SoftDeletion.MarkDeleted(chef, actor.UserId, request!.Reason!, clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<Chef>> RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var chef = await scope.Chefs(db.Chefs.IncludingDeleted()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        if (SoftDeletion.CanRestore(chef, clock.Now()) is { } refused)
        {
            return refused;
        }

        if (await db.Chefs.AnyAsync(c => c.Email == chef.Email && c.Id != id, cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.EmailInUse, "Another chef now uses this email.");
        }

        SoftDeletion.Restore(chef);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    private Task<int> UpcomingBookingsAsync(Guid chefId, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        return db.Bookings.CountAsync(b => b.ChefId == chefId && AvailabilityService.HoldingStatuses.Contains(b.Status) && b.EndsAt > now, cancellationToken);
    }

    private static Failure EmailConflict() => new(StatusCodes.Status409Conflict, ProblemCodes.EmailInUse, "A chef with this email already exists.", null,
        new ValidationErrors().Add("email", "This email belongs to another chef.").ToDictionary());

    internal static TimeOnly? ParseTime(ValidationErrors errors, string field, string? text)
    {
        if (TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add(field, "Use a 24-hour time like 17:30.");
        return null;
    }

    private ValidationErrors Apply(Chef chef, ChefRequest request, bool creating)
    {
        var errors = new ValidationErrors();
        if (creating)
        {
            if (request.StationId is { } stationId)
            {
                chef.StationId = stationId;
            }
            else
            {
                errors.Add("stationId", "Choose the chef's station.");
            }
        }

        errors.ApplyPerson(chef, creating, request.FirstName, request.LastName, request.Email, request.Phone);

        if (request.Bio is not null && errors.MaxLength("bio", request.Bio, 2000))
        {
            chef.Bio = Text.Clean(request.Bio);
        }

        if (request.IsActive is { } active)
        {
            chef.IsActive = active;
        }

        if (request.MaxEventsPerDay is { } cap && errors.Range("maxEventsPerDay", cap, 1, 10, "Events per day"))
        {
            chef.MaxEventsPerDay = cap;
        }

        if (request.BufferBeforeMinutes is { } before && errors.Range("bufferBeforeMinutes", before, 0, 480, "Buffer before (minutes)"))
        {
            chef.BufferBeforeMinutes = before;
        }

        if (request.BufferAfterMinutes is { } after && errors.Range("bufferAfterMinutes", after, 0, 480, "Buffer after (minutes)"))
        {
            chef.BufferAfterMinutes = after;
        }

        if (request.WorkingHours is { } hours)
        {
            ApplyWorkingHours(chef, hours, errors);
        }

        return errors;
    }

    private void ApplyWorkingHours(Chef chef, IReadOnlyList<WorkingHoursDto?> hours, ValidationErrors errors)
    {
        if (hours.Count > 21)
        {
            errors.Add("workingHours", "At most three windows per day.");
            return;
        }

        var parsed = new List<ChefWorkingHours>();
        for (var i = 0; i < hours.Count; i++)
        {
            var window = hours[i];
            if (window is null || !Enum.IsDefined(window.DayOfWeek))
            {
                errors.Add($"workingHours[{i}].dayOfWeek", "Use a day name such as Saturday.");
                continue;
            }

            var start = ParseTime(errors, $"workingHours[{i}].startTime", window.StartTime);
            var end = ParseTime(errors, $"workingHours[{i}].endTime", window.EndTime);
            if (start is null || end is null)
            {
                continue;
            }

            if (end <= start)
            {
                errors.Add($"workingHours[{i}].endTime", "The end must be after the start (windows stay within one day).");
                continue;
            }

            if (parsed.Any(p => p.DayOfWeek == window.DayOfWeek && p.StartTime < end && start < p.EndTime))
            {
                errors.Add($"workingHours[{i}]", "Overlaps another window on the same day.");
                continue;
            }

            parsed.Add(new ChefWorkingHours { ChefId = chef.Id, DayOfWeek = window.DayOfWeek, StartTime = start.Value, EndTime = end.Value });
        }

        if (!errors.Any)
        {
            if (db.Entry(chef).State == EntityState.Detached)
            {
                chef.WorkingHours = parsed; // a new chef: added with the chef as one graph
            }
            else
            {
                // For a tracked chef new rows go through the DbSet (EF's fix-up adds them to the
                // navigation): found only through the navigation, a row whose key is already set
                // would be taken for an existing one and updated instead of inserted.
                db.ChefWorkingHours.RemoveRange(chef.WorkingHours);
                db.ChefWorkingHours.AddRange(parsed);
            }
        }
    }
}
