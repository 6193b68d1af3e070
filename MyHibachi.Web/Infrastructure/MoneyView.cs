namespace MyHibachi.Web.Infrastructure;

/// <summary>What the _BookingMoney partial shows: the booking's money, the pay token for guests' invoice links, and staff detail.</summary>
public sealed record MoneyView(BookingPaymentsDto Money, string? Token = null, bool Staff = false);
