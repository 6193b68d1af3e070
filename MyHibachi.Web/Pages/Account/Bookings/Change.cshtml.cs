using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Account.Bookings;

/// <summary>A customer moves their booking to another open time and changes the number of guests, seeing the new price first.</summary>
public sealed class ChangeModel(BookingsClient bookings, CatalogClient catalog, TimeProvider clock) : BookingChangePageModel(bookings, catalog, clock)
{
    protected override bool ChangesEverything => false;

    protected override string SavedPage => $"/Account/Bookings/{Booking!.Id}";
}
