using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Chefs;

/// <summary>A chef's exceptions to the weekly hours: days worked differently (date overrides) and time off.</summary>
public sealed class ChefScheduleService(HibachiDbContext db, ChefService chefs, AccessScope scope)
{
    public async Task<Result<Chef>> SetDateOverrideAsync(Guid id, DateOnly date, DateOverrideRequest request, CancellationToken cancellationToken)
    {
        var chef = await chefs.FindAsync(id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        var errors = new ValidationErrors();
        if (request.IsWorking is null)
        {
            errors.Add("isWorking", "Say whether the chef works that day.");
        }

        TimeOnly? start = null, end = null;
        if (request.IsWorking == true)
        {
            start = ChefService.ParseTime(errors, "startTime", request.StartTime);
            end = ChefService.ParseTime(errors, "endTime", request.EndTime);
            if (start is not null && end is not null && end <= start)
            {
                errors.Add("endTime", "The end must be after the start.");
            }
        }

        errors.MaxLength("note", request.Note, 500);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var existing = chef.DateOverrides.FirstOrDefault(o => o.Date == date);
        if (existing is null)
        {
            existing = new ChefDateOverride { ChefId = id, Date = date };
            db.ChefDateOverrides.Add(existing);
        }

        existing.IsWorking = request.IsWorking!.Value;
        existing.StartTime = start;
        existing.EndTime = end;
        existing.Note = Text.Clean(request.Note);
        await db.SaveChangesAsync(cancellationToken);
        return chef;
    }

    public async Task<Result> RemoveDateOverrideAsync(Guid id, DateOnly date, CancellationToken cancellationToken)
    {
        var chef = await chefs.FindAsync(id, cancellationToken);
        var existing = chef?.DateOverrides.FirstOrDefault(o => o.Date == date);
        if (existing is null)
        {
            return Failure.NotFound("Date override");
        }

        db.ChefDateOverrides.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<ChefTimeOff>> AddTimeOffAsync(Guid id, TimeOffRequest request, CancellationToken cancellationToken)
    {
        var chef = await scope.Chefs(db.Chefs).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        var errors = new ValidationErrors();
        if (request.StartsAt is null)
        {
            errors.Add("startsAt", "When does the time off start?");
        }

        if (request.EndsAt is null)
        {
            errors.Add("endsAt", "When does the time off end?");
        }

        if (request is { StartsAt: { } s, EndsAt: { } e } && e <= s)
        {
            errors.Add("endsAt", "The end must be after the start.");
        }

        if (request is { StartsAt: { } s2, EndsAt: { } e2 } && e2 - s2 > TimeSpan.FromDays(366))
        {
            errors.Add("endsAt", "Time off can last at most a year.");
        }

        errors.MaxLength("reason", request.Reason, 500);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var from = request.StartsAt!.Value.ToUniversalTime();
        var to = request.EndsAt!.Value.ToUniversalTime();
        var clashes = await db.Bookings
            .Where(b => b.ChefId == id && AvailabilityService.HoldingStatuses.Contains(b.Status) && b.ChefBusyFrom < to && b.ChefBusyTo > from)
            .Select(b => b.Reference)
            .ToListAsync(cancellationToken);
        if (clashes.Count > 0)
        {
            return Failure.Conflict(ProblemCodes.ChefHasBookings, "The chef has bookings in that time.", $"Reassign {string.Join(", ", clashes)} first.");
        }

        var timeOff = new ChefTimeOff { ChefId = id, StartsAt = from, EndsAt = to, Reason = Text.Clean(request.Reason) };
        db.ChefTimeOff.Add(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return timeOff;
    }

    public async Task<Result> RemoveTimeOffAsync(Guid id, Guid timeOffId, CancellationToken cancellationToken)
    {
        var visible = await scope.Chefs(db.Chefs).AnyAsync(c => c.Id == id, cancellationToken);
        var timeOff = visible ? await db.ChefTimeOff.FirstOrDefaultAsync(t => t.Id == timeOffId && t.ChefId == id, cancellationToken) : null;
        if (timeOff is null)
        {
            return Failure.NotFound("Time off");
        }

        db.ChefTimeOff.Remove(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
