using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Reviews;

/// <summary>
/// Review links: a booking id and its token (<see cref="BookingTokens"/>, purpose "review-links"), sent
/// the day after the event so a guest who booked without an account can review that booking, and nothing else.
/// </summary>
public sealed class ReviewLinks(IOptions<AuthOptions> auth, IOptions<PaymentOptions> site)
{
    private readonly BookingTokens _tokens = new(auth.Value.SigningKey, "review-links");

    public bool IsValid(Guid bookingId, string? token) => _tokens.IsValid(bookingId, token);

    public string Link(Guid bookingId) =>
        $"{site.Value.SiteBaseUrl.TrimEnd('/')}/Reviews/Write?booking={bookingId}&token={_tokens.Token(bookingId)}";
}
