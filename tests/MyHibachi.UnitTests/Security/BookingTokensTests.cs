using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.UnitTests.Security;

public sealed class BookingTokensTests
{
    [Fact]
    public void A_token_opens_one_booking_for_one_purpose()
    {
        var key = new string('k', 40);
        var pay = new BookingTokens(key, "pay-links");
        var review = new BookingTokens(key, "review-links");
        var booking = Guid.CreateVersion7();

        Assert.True(pay.IsValid(booking, pay.Token(booking)));
        Assert.False(review.IsValid(booking, pay.Token(booking)));
        Assert.False(pay.IsValid(Guid.CreateVersion7(), pay.Token(booking)));
        Assert.False(new BookingTokens(new string('x', 40), "pay-links").IsValid(booking, pay.Token(booking)));
        Assert.False(pay.IsValid(booking, null));
        Assert.False(pay.IsValid(booking, new string('A', 65)));
        Assert.Equal(pay.Token(booking), new BookingTokens(key, "pay-links").Token(booking));
    }
}
