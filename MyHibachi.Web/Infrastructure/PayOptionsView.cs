namespace MyHibachi.Web.Infrastructure;

/// <summary>
/// What the _PayOptions partial offers: the booking's money, and where its pay form posts: the
/// current page's <paramref name="Handler"/>, or the booking's pay page when a <paramref name="Token"/> is given.
/// </summary>
public sealed record PayOptionsView(BookingPaymentsDto Money, string? Handler = null, string? Token = null);
