using Microsoft.Extensions.Options;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Payments;

/// <summary>
/// Pay links: a booking id and its token (<see cref="BookingTokens"/>, purpose "pay-links"), so a
/// guest who booked without an account, or a customer following an e-mail, can pay that booking and
/// see its money, and nothing else.
/// </summary>
public sealed class PayLinks(IOptions<AuthOptions> auth, IOptions<PaymentOptions> payments)
{
    private readonly BookingTokens _tokens = new(auth.Value.SigningKey, "pay-links");

    public string Token(Guid bookingId) => _tokens.Token(bookingId);

    public bool IsValid(Guid bookingId, string? token) => _tokens.IsValid(bookingId, token);

    public PayLinkDto Link(Guid bookingId)
    {
        var token = Token(bookingId);
        return new PayLinkDto(bookingId, token, $"{payments.Value.SiteBaseUrl.TrimEnd('/')}/Pay/{bookingId}?token={token}");
    }
}
