using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.UnitTests.Bookings;

public sealed class BookingRulesTests
{
    private static readonly DateTimeOffset EventStart = new(2026, 12, 12, 23, 0, 0, TimeSpan.Zero);

    private static Booking Booking(BookingStatus status, Guid? chefId = null) => new()
    {
        Reference = "MH-TEST01", Status = status, ChefId = chefId, StartsAt = EventStart, ContactName = "A B", ContactEmail = "a@b.co",
        AddressLine1 = "1", City = "c", State = "GA", Zip = "30303",
        PriceSheet = new PriceSheet(0, 0, 0, 0, 0, 0, 0, 10, []), Breakdown = new PriceBreakdown([], 0, 0, 0, 0, 0, 0, 0, 0),
    };

    [Theory]
    [InlineData(BookingStatus.Pending, BookingStatus.Confirmed, true)]
    [InlineData(BookingStatus.Pending, BookingStatus.Cancelled, true)]
    [InlineData(BookingStatus.Pending, BookingStatus.Completed, false)]
    [InlineData(BookingStatus.Pending, BookingStatus.NoShow, false)]
    [InlineData(BookingStatus.Confirmed, BookingStatus.Completed, true)]
    [InlineData(BookingStatus.Confirmed, BookingStatus.NoShow, true)]
    [InlineData(BookingStatus.Confirmed, BookingStatus.Cancelled, true)]
    [InlineData(BookingStatus.Confirmed, BookingStatus.Pending, false)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.Confirmed, false)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.Pending, false)]
    [InlineData(BookingStatus.Completed, BookingStatus.Cancelled, false)]
    [InlineData(BookingStatus.NoShow, BookingStatus.Completed, false)]
    public void Only_the_state_machine_s_moves_are_allowed(BookingStatus from, BookingStatus to, bool allowed) =>
        Assert.Equal(allowed, BookingRules.CanMove(from, to));

    [Fact]
    public void Confirming_needs_a_chef()
    {
        Assert.Equal("Assign a chef before confirming.", BookingRules.WhyNot(Booking(BookingStatus.Pending), BookingStatus.Confirmed, EventStart.AddDays(-5)));
        Assert.Null(BookingRules.WhyNot(Booking(BookingStatus.Pending, Guid.NewGuid()), BookingStatus.Confirmed, EventStart.AddDays(-5)));
    }

    [Fact]
    public void Completing_or_marking_a_no_show_waits_for_the_event_to_start()
    {
        var booking = Booking(BookingStatus.Confirmed, Guid.NewGuid());

        Assert.NotNull(BookingRules.WhyNot(booking, BookingStatus.Completed, EventStart.AddMinutes(-1)));
        Assert.Null(BookingRules.WhyNot(booking, BookingStatus.Completed, EventStart));
        Assert.NotNull(BookingRules.WhyNot(booking, BookingStatus.NoShow, EventStart.AddHours(-3)));
    }

    [Fact]
    public void Allowed_actions_follow_the_state()
    {
        var staff = BookingCaller.Staff;
        Assert.Equal(["update", "assign-chef", "cancel"], BookingRules.AllowedActions(Booking(BookingStatus.Pending), EventStart.AddDays(-3), staff));
        Assert.Equal(["update", "assign-chef", "confirm", "cancel"], BookingRules.AllowedActions(Booking(BookingStatus.Pending, Guid.NewGuid()), EventStart.AddDays(-3), staff));
        Assert.Equal(["update", "assign-chef", "cancel", "complete", "no-show"], BookingRules.AllowedActions(Booking(BookingStatus.Confirmed, Guid.NewGuid()), EventStart.AddHours(1), staff));
        Assert.Empty(BookingRules.AllowedActions(Booking(BookingStatus.Cancelled), EventStart, staff));
    }

    [Fact]
    public void A_customer_is_offered_only_what_they_may_do_and_only_before_the_cut_off()
    {
        var customer = new BookingCaller(CanUpdate: true, CanManage: false, CanCancel: true, CustomerChangesCloseAt: EventStart.AddHours(-72));
        var booking = Booking(BookingStatus.Confirmed, Guid.NewGuid());

        Assert.Equal(["update", "cancel"], BookingRules.AllowedActions(booking, EventStart.AddDays(-4), customer));
        Assert.Empty(BookingRules.AllowedActions(booking, EventStart.AddHours(-71), customer));
        Assert.Empty(BookingRules.AllowedActions(Booking(BookingStatus.Pending), EventStart.AddHours(-2), customer));
    }

    [Fact]
    public void A_reader_is_offered_nothing()
    {
        var reader = new BookingCaller(false, false, false, null);
        Assert.Empty(BookingRules.AllowedActions(Booking(BookingStatus.Pending, Guid.NewGuid()), EventStart.AddDays(-3), reader));
    }

    [Fact]
    public void References_are_short_and_unambiguous()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => BookingRules.NewReference()).ToList();

        Assert.All(references, r => Assert.Matches("^MH-[2-9A-HJKMNP-TV-Z]{6}$", r));
        Assert.True(references.Distinct().Count() > 1990);
    }
}
