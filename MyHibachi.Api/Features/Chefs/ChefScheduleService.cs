using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Chefs;

/// <summary>
/// A chef's exceptions to the weekly hours: days worked differently (date overrides) and time off.
/// Every change runs under the chef's exclusive schedule lock, so it and a booking for the same chef
/// never pass each other, and is refused while it would strand a live booking.
/// </summary>
public sealed class ChefScheduleService(HibachiDbContext db, ChefService chefs, AvailabilityService availability, TimeProvider clock)
{
    public async Task<Result<Chef>> SetDateOverrideAsync(Guid id, DateOnly date, DateOverrideRequest request, CancellationToken cancellationToken)
    {
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
        return await ChangeScheduleAsync(id, errors, (chef, station) =>
        {
            var today = AvailabilityEngine.LocalDate(clock.Now(), AvailabilityService.Zone(station));
            if (date < today || date > today.AddDays(AvailabilityService.MaxDaysAhead))
            {
                errors.Add("date", $"Choose a date from today to {today.AddDays(AvailabilityService.MaxDaysAhead):yyyy-MM-dd}.");
                return;
            }

            var existing = chef.DateOverrides.FirstOrDefault(o => o.Date == date);
            if (existing is null)
            {
                existing = new ChefDateOverride { ChefId = id, Date = date };
                chef.DateOverrides.Add(existing);
                db.ChefDateOverrides.Add(existing);
            }

            existing.IsWorking = request.IsWorking!.Value;
            existing.StartTime = start;
            existing.EndTime = end;
            existing.Note = Text.Clean(request.Note);
        }, cancellationToken);
    }

    public async Task<Result> RemoveDateOverrideAsync(Guid id, DateOnly date, CancellationToken cancellationToken)
    {
        var result = await ChangeScheduleAsync(id, new ValidationErrors(), (chef, _) =>
        {
            if (chef.DateOverrides.FirstOrDefault(o => o.Date == date) is { } existing)
            {
                chef.DateOverrides.Remove(existing);
                db.ChefDateOverrides.Remove(existing);
            }
        }, cancellationToken, mustExist: chef => chef.DateOverrides.Any(o => o.Date == date) ? null : Failure.NotFound("Date override"));
        return result.Succeeded ? Result.Success : result.Failure;
    }

    public async Task<Result<ChefTimeOff>> AddTimeOffAsync(Guid id, TimeOffRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var now = clock.Now();
        if (request.StartsAt is null)
        {
            errors.Add("startsAt", "When does the time off start?");
        }

        if (request.EndsAt is null)
        {
            errors.Add("endsAt", "When does the time off end?");
        }

        if (request is { StartsAt: { } s, EndsAt: { } e } && errors.Instant("startsAt", s) & errors.Instant("endsAt", e))
        {
            if (e <= s)
            {
                errors.Add("endsAt", "The end must be after the start.");
            }
            else if (e - s > TimeSpan.FromDays(366))
            {
                errors.Add("endsAt", "Time off can last at most a year.");
            }
            else if (e <= now)
            {
                errors.Add("endsAt", "This time off is already over; time off is for the future.");
            }
            else if (s > now.AddDays(AvailabilityService.MaxDaysAhead))
            {
                errors.Add("startsAt", "Time off can be planned up to 18 months ahead.");
            }
        }

        errors.MaxLength("reason", request.Reason, 500);
        ChefTimeOff? added = null;
        var result = await ChangeScheduleAsync(id, errors, (chef, _) =>
        {
            added = new ChefTimeOff
            {
                ChefId = id, StartsAt = request.StartsAt!.Value.ToUniversalTime(), EndsAt = request.EndsAt!.Value.ToUniversalTime(),
                Reason = Text.Clean(request.Reason),
            };
            chef.TimeOff.Add(added);
            db.ChefTimeOff.Add(added);
        }, cancellationToken);
        return result.Succeeded ? added! : result.Failure;
    }

    public async Task<Result> RemoveTimeOffAsync(Guid id, Guid timeOffId, CancellationToken cancellationToken)
    {
        // Less time off never strands a booking: no schedule check needed, only the chef's visibility.
        var chef = await chefs.FindAsync(id, cancellationToken);
        var timeOff = chef?.TimeOff.FirstOrDefault(t => t.Id == timeOffId);
        if (timeOff is null)
        {
            return Failure.NotFound("Time off");
        }

        db.ChefTimeOff.Remove(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// Applies a schedule change under the chef's exclusive schedule lock: reads the chef, checks the
    /// request, changes it in memory, refuses (409) when a live booking would no longer fit, saves.
    /// </summary>
    private async Task<Result<Chef>> ChangeScheduleAsync(
        Guid id, ValidationErrors errors, Action<Chef, Station> change, CancellationToken cancellationToken, Func<Chef, Failure?>? mustExist = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await availability.LockChefScheduleAsync(id, cancellationToken);
        var chef = await chefs.FindAsync(id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        if (mustExist?.Invoke(chef) is { } missing)
        {
            return missing;
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == chef.StationId, cancellationToken);
        if (!errors.Any)
        {
            change(chef, station);
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await availability.StrandedBookingsAsync(chef, station, cancellationToken) is { Count: > 0 } stranded)
        {
            return ChefService.StrandsBookings(stranded);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chef;
    }
}
