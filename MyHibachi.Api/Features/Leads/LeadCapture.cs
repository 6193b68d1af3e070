using Microsoft.EntityFrameworkCore;
using Microsoft.FeatureManagement;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Leads;

/// <summary>Someone who left contact details and did not end with a booking.</summary>
public sealed record LeadAttempt(
    Guid? StationId, LeadSource Source, LeadReason Reason, string? Name, string? Email, string? Phone,
    IReadOnlyDictionary<string, string> Details, Guid? QuoteId = null);

/// <summary>
/// Failed-booking lead capture: creates the lead, or updates the open lead with the same email or
/// phone, and announces it (lead.captured) for the follow-up assistant.
/// </summary>
public sealed class LeadCapture(HibachiDbContext db, IFeatureManager features, TimeProvider clock)
{
    private static readonly LeadStatus[] OpenStatuses = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified];

    /// <summary>The lead, or null when there is no usable contact or the feature is off.</summary>
    public async Task<Lead?> CaptureAsync(LeadAttempt attempt, CancellationToken cancellationToken, bool always = false)
    {
        if (!always && !await features.IsEnabledAsync(FeatureFlags.FailedBookingLeadCapture))
        {
            return null;
        }

        var contact = new ValidationErrors();
        var email = contact.Email("email", attempt.Email, required: false) ? attempt.Email?.Trim().ToLowerInvariant() : null;
        var phone = contact.Phone("phone", attempt.Phone) ? attempt.Phone?.Trim() : null;
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(phone))
        {
            return null;
        }

        var now = clock.Now();
        var lead = await db.Leads
            .Where(l => OpenStatuses.Contains(l.Status) && ((email != null && l.Email == email) || (phone != null && l.Phone == phone)))
            .OrderByDescending(l => l.LastAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            lead = new Lead { Source = attempt.Source, Reason = attempt.Reason, LastAttemptAt = now };
            db.Leads.Add(lead);
        }
        else
        {
            lead.AttemptCount++;
            lead.LastAttemptAt = now;
            lead.Reason = attempt.Reason;
        }

        lead.StationId = attempt.StationId ?? lead.StationId;
        lead.Name = Clip(attempt.Name, 200) ?? lead.Name;
        lead.Email = email ?? lead.Email;
        lead.Phone = phone ?? lead.Phone;
        lead.QuoteId = attempt.QuoteId ?? lead.QuoteId;
        var details = new Dictionary<string, string>(lead.Details);
        foreach (var (key, value) in attempt.Details.Take(30))
        {
            details[Clip(key, 60)!] = Clip(value, 500) ?? "";
        }

        lead.Details = details;
        db.Publish(new LeadCaptured(lead.Id, lead.StationId, lead.Source.ToContract(), lead.Reason.ToContract(), lead.Name, lead.Email, lead.Phone, lead.AttemptCount), now);
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    /// <summary>A booking was made: the open lead for the same contact is converted.</summary>
    public async Task MarkConvertedAsync(string email, string? phone, Guid bookingId, CancellationToken cancellationToken)
    {
        var leads = await db.Leads
            .Where(l => OpenStatuses.Contains(l.Status) && (l.Email == email || (phone != null && l.Phone == phone)))
            .ToListAsync(cancellationToken);
        foreach (var lead in leads)
        {
            lead.Status = LeadStatus.Converted;
            lead.BookingId = bookingId;
        }
    }

    private static string? Clip(string? value, int max) => Text.Clean(value) is { } text ? text[..Math.Min(text.Length, max)] : null;
}
