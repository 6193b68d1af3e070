using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Admin.Bookings;

/// <summary>Staff edit a booking after the customers' cut-off: time from the open slots, guests, address, menu and notes, with the price difference.</summary>
public sealed class EditModel(BookingsClient bookings, CatalogClient catalog, TimeProvider clock) : BookingChangePageModel(bookings, catalog, clock)
{
    protected override bool ChangesEverything => true;

    protected override string SavedPage => $"/Admin/Bookings/{Booking!.Id}";
}
