using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Leads;

/// <summary>The staff lead queue: list, claim, move through statuses, take notes.</summary>
public sealed class LeadService(HibachiDbContext db, LeadCapture capture, ServiceArea serviceArea, AccessScope scope, CurrentActor actor, TimeProvider clock)
{
    public static LeadDto ToDto(Lead l) => new(
        l.Id, l.StationId, l.Source.ToContract(), l.Reason.ToContract(), l.Status.ToContract(), l.Name, l.Email, l.Phone, l.Details, l.AttemptCount, l.LastAttemptAt,
        l.QuoteId, l.BookingId, l.ClaimedBy, l.ClaimedByName, l.ClaimedAt,
        l.Notes.OrderBy(n => n.CreatedAt).Select(n => new LeadNoteDto(n.Id, n.AuthorName, n.Text, n.CreatedAt)).ToList(),
        l.CreatedAt, l.UpdatedAt);

    public async Task<Result<Lead>> InquireAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("name", request.Name, 200, "Your name");
        var hasEmail = !string.IsNullOrWhiteSpace(request.Email);
        var hasPhone = !string.IsNullOrWhiteSpace(request.Phone);
        if (!hasEmail && !hasPhone)
        {
            errors.Add("email", "Leave an email address or a phone number so we can reach you.");
        }

        if (hasEmail)
        {
            errors.Email("email", request.Email);
        }

        errors.Phone("phone", request.Phone);
        errors.MaxLength("message", request.Message, 2000);
        var source = errors.Member("source", request.Source, EnumMappings.ToEntity);
        if (request.StationId is { } stationId && !await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            errors.Add("stationId", "No such station.");
        }

        var reason = errors.Member("reason", request.Reason, EnumMappings.ToEntity) ?? LeadReason.Inquiry;
        if (reason is not (LeadReason.Inquiry or LeadReason.OutOfServiceArea or LeadReason.LargeParty))
        {
            errors.Add("reason", "A message from the site is a question (Inquiry), an address outside our area (OutOfServiceArea) or a large party (LargeParty).");
        }

        var zip = ZipCentroids.Normalize(request.Zip);
        if (request.Zip is not null && zip is null)
        {
            errors.Add("zip", "A ZIP code is five digits, e.g. 30305.");
        }
        else if (reason == LeadReason.OutOfServiceArea && zip is null)
        {
            errors.Add("zip", "The ZIP code of the event, so we know where to come.");
        }

        if (request.Guests is { } count)
        {
            errors.Range("guests", count, 1, 10_000, "Guests");
        }

        if (reason == LeadReason.LargeParty && request.Guests is null)
        {
            errors.Add("guests", "How many guests, so we can price the party.");
        }

        if (request.EventDate is { } wanted && errors.Date("eventDate", wanted) && wanted < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            errors.Add("eventDate", "The date of the event cannot be in the past.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var details = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(request.Message))
        {
            details["message"] = request.Message.Trim();
        }

        if (zip is not null)
        {
            details["zip"] = zip;
        }

        if (request.Guests is { } guests)
        {
            details["guests"] = guests.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (request.EventDate is { } date)
        {
            details["eventDate"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        // A lead from outside the area goes to the nearest kitchen, whose manager decides whether to travel.
        var station = request.StationId ?? (zip is null ? null : (await serviceArea.MatchAsync(zip, null, cancellationToken))?.Station.Id);
        var lead = await capture.CaptureAsync(
            new LeadAttempt(station, source ?? LeadSource.Web, reason, request.Name, request.Email, request.Phone, details),
            cancellationToken, always: true);
        return lead!;
    }

    public async Task<Result<PagedList<LeadDto>>> ListAsync(LeadListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        errors.MaxLength("q", query.Q, 200);
        var wantedStatus = errors.Member("status", query.Status, EnumMappings.ToEntity);
        var wantedSource = errors.Member("source", query.Source, EnumMappings.ToEntity);
        if (query.Sort is not null and not ("createdAt" or "-createdAt" or "lastAttemptAt" or "-lastAttemptAt"))
        {
            errors.Add("sort", "Sort by createdAt, -createdAt, lastAttemptAt or -lastAttemptAt.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var leads = scope.Leads(db.Leads).AsNoTracking().Include(l => l.Notes).AsQueryable();
        if (wantedStatus is { } status)
        {
            leads = leads.Where(l => l.Status == status);
        }

        if (wantedSource is { } source)
        {
            leads = leads.Where(l => l.Source == source);
        }

        if (query.StationId is { } stationId)
        {
            leads = leads.Where(l => l.StationId == stationId);
        }

        if (query.Mine == true)
        {
            var me = actor.UserId;
            leads = leads.Where(l => l.ClaimedBy == me);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Like.Escape(query.Q.Trim())}%";
            leads = leads.Where(l => (l.Name != null && EF.Functions.ILike(l.Name, pattern, "\\"))
                                     || (l.Email != null && EF.Functions.ILike(l.Email, pattern, "\\"))
                                     || (l.Phone != null && EF.Functions.ILike(l.Phone, pattern, "\\")));
        }

        var total = await Paging.CountAsync(leads, cancellationToken);
        leads = query.Sort switch
        {
            "createdAt" => leads.OrderBy(l => l.CreatedAt),
            "-createdAt" => leads.OrderByDescending(l => l.CreatedAt),
            "lastAttemptAt" => leads.OrderBy(l => l.LastAttemptAt),
            _ => leads.OrderByDescending(l => l.LastAttemptAt).ThenBy(l => l.Id),
        };

        var items = await leads.Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return Paging.Page(items.Select(ToDto).ToList(), page, pageSize, total);
    }

    public Task<Lead?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        scope.Leads(db.Leads).Include(l => l.Notes).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public async Task<Result<Lead>> ClaimAsync(Guid id, bool force, CancellationToken cancellationToken)
    {
        var lead = await FindAsync(id, cancellationToken);
        if (lead is null)
        {
            return Failure.NotFound("Lead");
        }

        if (lead.ClaimedBy is not null && lead.ClaimedBy != actor.UserId && !force)
        {
            return Failure.Conflict(ProblemCodes.LeadClaimed, $"{lead.ClaimedByName} is already working this lead.", "Claim with force=true to take it over.");
        }

        lead.ClaimedBy = actor.UserId;
        lead.ClaimedByName = actor.Name;
        lead.ClaimedAt = clock.Now();
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    public async Task<Result<Lead>> SetStatusAsync(Guid id, LeadStatusRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var status = errors.Member("status", request.Status, EnumMappings.ToEntity);
        if (request.Status is null)
        {
            errors.Add("status", "Choose New, Contacted, Qualified, Converted or Lost.");
        }

        errors.MaxLength("note", request.Note, 4000);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var lead = await FindAsync(id, cancellationToken);
        if (lead is null)
        {
            return Failure.NotFound("Lead");
        }

        lead.Status = status!.Value;
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            AddNote(lead, $"[{lead.Status}] {request.Note.Trim()}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    public async Task<Result<Lead>> AddNoteAsync(Guid id, LeadNoteRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (errors.Required("text", request.Text, 4000, "The note") is false)
        {
            return Failure.Invalid(errors);
        }

        var lead = await FindAsync(id, cancellationToken);
        if (lead is null)
        {
            return Failure.NotFound("Lead");
        }

        AddNote(lead, request.Text!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    public async Task<Result> DeleteAsync(Guid id, DeleteRequest? request, CancellationToken cancellationToken)
    {
        if (SoftDeletion.ValidateReason(request) is { } invalid)
        {
            return invalid;
        }

        var lead = await scope.Leads(db.Leads).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return Failure.NotFound("Lead");
        }

        SoftDeletion.MarkDeleted(lead, actor.UserId, request!.Reason!, clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<Lead>> RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var lead = await scope.Leads(db.Leads.IncludingDeleted()).Include(l => l.Notes)
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return Failure.NotFound("Lead");
        }

        if (SoftDeletion.CanRestore(lead, clock.Now()) is { } refused)
        {
            return refused;
        }

        SoftDeletion.Restore(lead);
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    private void AddNote(Lead lead, string text)
    {
        var note = new LeadNote { LeadId = lead.Id, AuthorId = actor.UserId, AuthorName = actor.Name, Text = text, CreatedAt = clock.Now() };
        // Added through the DbSet; EF's fix-up puts it in lead.Notes.
        db.LeadNotes.Add(note);
        lead.UpdatedAt = note.CreatedAt;
    }
}
