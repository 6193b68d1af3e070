using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

/// <summary>
/// The journeys built for the phone and for staff's day: booking from the month calendar, the
/// truthful "held, not confirmed" page, a customer moving a booking through the open slots with
/// the new price first, staff editing a booking with the price difference, out-of-area and
/// large-party requests that become leads, and the friendly 403 page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ChangeAndRequestFlowTests(BrowserAppHost host)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_customer_books_from_the_month_calendar_then_moves_the_party_through_the_open_slots(int width)
    {
        var phone = width < 600;
        var page = await host.NewPageAsync(width: width, height: phone ? 844 : 900);
        var email = $"mover-{width}-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(page, email);

        await page.GotoAsync("/Book");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByLabel("Adults").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: choose a time" }).ClickAsync();

        // The calendar shows a month; the first open day is chosen and its times are offered.
        Assert.True(await page.Locator(".month-grid .day-open button").CountAsync() > 0 || await page.Locator(".calendar-head button[aria-label='Next month']").IsEnabledAsync());
        await page.Locator(".calendar-head button[aria-label='Next month']").ClickAsync();
        var openDay = page.Locator(".month-grid .day-open button").Nth(2);
        var dayLabel = await openDay.GetAttributeAsync("aria-label") ?? "";
        await openDay.ClickAsync();
        Assert.Contains(dayLabel.Split(',')[0] + ",", await page.Locator(".day-times legend").InnerTextAsync() + ",");
        Assert.Matches(@"\d{1,2}:\d\d (AM|PM) ET", await page.Locator(".day-times .slot span").First.InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, (phone ? "phone" : "desktop") + "-book-calendar");
        await page.Locator(".day-times .slot input").First.CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: address and contact" }).ClickAsync();

        await page.GetByLabel("Street address").FillAsync("42 Peachtree Battle Ave");
        await page.GetByLabel("City").FillAsync("Atlanta");
        await page.GetByLabel("State (two letters)").FillAsync("GA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: review" }).ClickAsync();
        // The review step says what booking commits the customer to before the button.
        var terms = await page.Locator("#booking-terms").InnerTextAsync();
        Assert.Contains("pending", terms);
        Assert.Contains("deposit", terms);
        Assert.Contains("If you cancel:", terms);
        await BrowserAppHost.ScreenshotAsync(page, (phone ? "phone" : "desktop") + "-book-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book my party" }).ClickAsync();

        // Pending with the deposit unpaid: held, not "booked".
        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.Matches(@"Your date is held — reference MH-[A-Z0-9]{6}", heading);
        var state = await page.Locator("#booking-state").InnerTextAsync();
        Assert.Contains("Not confirmed yet", state);
        Assert.Matches(@"until \w{3}, \w{3} \d{1,2} at \d{1,2}:\d\d (AM|PM) ET", state);
        Assert.Contains("If you cancel:", await page.Locator("#cancellation-terms").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, (phone ? "phone" : "desktop") + "-book-held");
        var reference = Regex.Match(heading, "MH-[A-Z0-9]{6}").Value;

        await page.GotoAsync("/Account/Bookings");
        await page.Locator("table.data tr", new() { HasText = reference }).GetByRole(AriaRole.Link).First.ClickAsync();
        var before = await page.Locator("dl.definition").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change date, time or guests" }).ClickAsync();
        Assert.Contains("/Change", page.Url);

        // An impossible party is explained next to the field, and what was typed stays.
        await page.Locator(".month-grid .day-open button").Last.ClickAsync();
        await page.Locator(".day-times .slot input").Last.CheckAsync(new() { Force = true });
        var chosenSlot = await page.Locator(".day-times .slot input").Last.GetAttributeAsync("value");
        await page.GetByLabel("Adults").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "See the new price" }).ClickAsync();
        Assert.Equal("true", await page.Locator("#Input_Adults").GetAttributeAsync("aria-invalid"));
        Assert.NotEmpty((await page.Locator("#Input_Adults_error").InnerTextAsync()).Trim());
        Assert.Equal("500", await page.Locator("#Input_Adults").InputValueAsync());
        Assert.True(await page.Locator($"input[name='Input.Pick.Slot'][value='{chosenSlot}']").CountAsync() > 0, "The chosen time was lost after the error.");
        await BrowserAppHost.ScreenshotAsync(page, (phone ? "phone" : "desktop") + "-change-error");

        // The new price is shown before anything is saved.
        await page.GetByLabel("Adults").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "See the new price" }).ClickAsync();
        var preview = await page.Locator("#change-preview").InnerTextAsync();
        Assert.Matches(@"\+\$[\d,]+\.\d\d", await page.Locator("#price-difference").InnerTextAsync());
        Assert.Contains("14 adults", preview);
        Assert.DoesNotContain("reassign", (await page.Locator("main").InnerTextAsync()).ToLowerInvariant());
        await BrowserAppHost.ScreenshotAsync(page, (phone ? "phone" : "desktop") + "-change-preview");
        Assert.Equal(10, await host.ScalarAsync<int>("SELECT adults FROM bookings WHERE reference = @r", ("r", reference)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save this change" }).ClickAsync();
        Assert.Contains($"Booking {reference} is changed", await page.Locator(".flash").InnerTextAsync());
        var after = await page.Locator("dl.definition").First.InnerTextAsync();
        Assert.Contains("14 adults", after);
        Assert.NotEqual(before, after);
        Assert.Equal(14, await host.ScalarAsync<int>("SELECT adults FROM bookings WHERE reference = @r", ("r", reference)));
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Staff_edit_a_booking_s_guests_and_menu_and_see_the_price_difference_first(int width)
    {
        var page = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        await host.SignInAsync(page, "admin@myhibachi.local");
        await page.GotoAsync("/Admin/Bookings?status=Confirmed");
        // Each width edits a booking of its own (the phone run takes the first, the desktop run the last).
        var rows = page.Locator("table.data tbody tr td:nth-child(2) a");
        await (width < 600 ? rows.First : rows.Last).ClickAsync();
        var id = page.Url.Split('/').Last();
        var adultsBefore = await host.ScalarAsync<int>("SELECT adults FROM bookings WHERE id = @id", ("id", Guid.Parse(id)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit booking" }).ClickAsync();
        Assert.EndsWith("/Edit", page.Url);
        await page.GetByLabel("Adults").FillAsync((adultsBefore + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel(new Regex("^Filet mignon upgrade")).FillAsync("2");
        await page.GetByLabel("Special requests").FillAsync("Birthday cake at 8 PM");
        await page.GetByRole(AriaRole.Button, new() { Name = "See the new price" }).ClickAsync();
        Assert.Matches(@"\+\$[\d,]+\.\d\d", await page.Locator("#price-difference").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-admin-booking-edit");
        Assert.Equal(adultsBefore, await host.ScalarAsync<int>("SELECT adults FROM bookings WHERE id = @id", ("id", Guid.Parse(id))));

        // Changing something after seeing the price prices it again instead of saving it unseen.
        await page.GetByLabel("Adults").FillAsync((adultsBefore + 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this change" }).ClickAsync();
        Assert.Contains("You changed something after seeing the price", await page.Locator("[data-problems]").InnerTextAsync());
        Assert.Equal(adultsBefore, await host.ScalarAsync<int>("SELECT adults FROM bookings WHERE id = @id", ("id", Guid.Parse(id))));
        await page.GetByLabel("Adults").FillAsync((adultsBefore + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "See the new price" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this change" }).ClickAsync();
        Assert.EndsWith($"/Admin/Bookings/{id}", page.Url);
        Assert.Contains("is changed", await page.Locator(".flash").InnerTextAsync());
        Assert.Equal(adultsBefore + 3, await host.ScalarAsync<int>("SELECT adults FROM bookings WHERE id = @id", ("id", Guid.Parse(id))));
        Assert.Contains("Birthday cake at 8 PM", await page.Locator("dl.definition").First.InnerTextAsync());
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_visitor_outside_the_area_or_with_a_large_party_leaves_a_request_that_becomes_a_lead(int width)
    {
        var page = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        var email = $"faraway-{width}-{Guid.NewGuid():N}@example.com";

        await page.GotoAsync("/?zip=98101");
        Assert.Contains("service area", await page.Locator("#area-result").InnerTextAsync());
        await page.Locator("#area-name").FillAsync("Sam Seattle");
        await page.Locator("#area-contact").FillAsync(email);
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-home-out-of-area");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep me posted" }).ClickAsync();
        Assert.True(await page.Locator("#request-sent").IsVisibleAsync());
        Assert.Equal("OutOfServiceArea", await host.ScalarAsync<string>("SELECT reason FROM leads WHERE email = @e", ("e", email)));
        Assert.Equal("98101", await host.ScalarAsync<string>("SELECT details->>'zip' FROM leads WHERE email = @e", ("e", email)));

        var big = $"bigparty-{width}-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/Quote");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByLabel("Adults").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask for a custom quote" }).ClickAsync();
        Assert.Equal("150", await page.GetByLabel("Number of guests").InputValueAsync());
        await page.GetByLabel("Your name").FillAsync("Bea Banquet");
        await page.GetByLabel("E-mail or phone").FillAsync(big);
        await page.GetByLabel("Date you have in mind").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-request-large-party");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for my quote" }).ClickAsync();
        Assert.True(await page.Locator("#request-sent").IsVisibleAsync());
        Assert.Equal("LargeParty", await host.ScalarAsync<string>("SELECT reason FROM leads WHERE email = @e", ("e", big)));
        Assert.Equal("150", await host.ScalarAsync<string>("SELECT details->>'guests' FROM leads WHERE email = @e", ("e", big)));
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_chef_who_opens_a_staff_page_they_may_not_use_gets_the_403_page(int width)
    {
        var page = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        await host.SignInAsync(page, "chef.kenji@myhibachi.local");
        await page.GotoAsync("/Admin");
        var offered = (await page.Locator(".admin-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToHashSet();
        string[] staffPages = ["/Admin/Bookings", "/Admin/Calendar", "/Admin/Customers", "/Admin/Chefs", "/Admin/Stations", "/Admin/Payments", "/Admin/Payments/Invoices",
            "/Admin/Pricing", "/Admin/Leads", "/Admin/Conversations", "/Admin/Knowledge", "/Admin/Audit", "/Admin/Deleted", "/Admin/Users", "/Admin/Roles"];
        var notOffered = staffPages.Where(p => !offered.Contains(p)).ToList();
        Assert.NotEmpty(notOffered);
        foreach (var path in notOffered)
        {
            await page.GotoAsync(path);
            Assert.True(page.Url.Contains("/Account/Denied", StringComparison.Ordinal), $"{path} opened for a chef instead of the 403 page.");
            Assert.Contains("not for your account", await page.Locator("h1").InnerTextAsync());
            Assert.DoesNotContain("Forbidden", await page.Locator("main").InnerTextAsync());
        }

        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-denied");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Form_errors_mark_their_fields_and_are_listed_in_the_form_s_order(int width)
    {
        var page = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);

        // A wrong password marks both fields (which one is wrong is not told) with a whole sentence.
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("olivia.bennett@example.com");
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("true", await page.Locator("#Email").GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await page.Locator("#Password").GetAttributeAsync("aria-invalid"));
        Assert.EndsWith(".", (await page.Locator("#Password_error").InnerTextAsync()).Trim());
        Assert.Equal("olivia.bennett@example.com", await page.Locator("#Email").InputValueAsync());
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-login-wrong-password");

        // The booking form's summary follows the form from top to bottom, each line linked to its field.
        await page.GotoAsync("/Book");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: choose a time" }).ClickAsync();
        await page.Locator(".day-times .slot input").First.CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: address and contact" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: review" }).ClickAsync();
        var targets = await page.Locator("[data-problems] li[data-for]").EvaluateAllAsync<string[]>("items => items.map(li => li.getAttribute('data-for'))");
        Assert.True(targets.Length >= 4, string.Join(", ", targets));
        var fieldOrder = await page.EvaluateAsync<string[]>("ids => { const all = [...document.querySelectorAll('input, select, textarea')].map(e => e.id); return ids.slice().sort((a, b) => all.indexOf(a) - all.indexOf(b)); }", targets);
        Assert.Equal(fieldOrder, targets);
        foreach (var id in targets)
        {
            Assert.Equal("true", await page.Locator($"#{id}").GetAttributeAsync("aria-invalid"));
        }

        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-book-details-errors");
    }

    [Fact]
    public async Task A_station_manager_sees_only_their_station_and_the_lead_queue_and_audit_log_read_in_words()
    {
        var manager = await host.NewPageAsync();
        await host.SignInAsync(manager, "manager.atl@myhibachi.local");
        await manager.GotoAsync("/Admin/Bookings");
        var stations = await manager.Locator("main select[name='stationId'] option").AllInnerTextsAsync();
        Assert.DoesNotContain(stations, o => o.Contains("Houston", StringComparison.Ordinal));
        await manager.GotoAsync("/Admin/Calendar");
        Assert.DoesNotContain("Houston", string.Join(" ", await manager.Locator("main select option").AllInnerTextsAsync()));

        var admin = await host.NewPageAsync();
        await host.SignInAsync(admin, "admin@myhibachi.local");
        await admin.GotoAsync("/Admin/Leads");
        Assert.Matches(@"^\d+ leads?", (await admin.Locator("#lead-count").InnerTextAsync()).Trim());
        var reasons = await admin.Locator("table.leads tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Contains(reasons, r => r.StartsWith("Out of service area", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains("OutOfServiceArea", StringComparison.Ordinal));
        Assert.Matches(@"(AM|PM) (ET|CT)", await admin.Locator("table.leads tbody tr td:nth-child(6)").First.InnerTextAsync());

        await admin.GotoAsync("/Admin/Audit");
        var what = await admin.Locator("table.audit tbody").InnerTextAsync();
        Assert.Matches(@"MH-[A-Z0-9]{6}", what);
        Assert.DoesNotContain("lastLoginAt", what);
        Assert.DoesNotContain("Last sign-in", what);
        await admin.GotoAsync("/Admin/Audit?show=sign-in");
        Assert.Contains("Last sign-in", await admin.Locator("table.audit tbody").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(admin, "desktop-admin-audit-sign-ins");
    }

    private async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("First name").FillAsync("Morgan");
        await page.GetByLabel("Last name").FillAsync("Mover");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(new Regex("^Password")).FillAsync("A long enough passphrase 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        Assert.EndsWith("/Account/Bookings", page.Url);
        var mail = await host.WaitForMailAsync(email, "Confirm your e-mail for MyHibachi");
        var link = ConfirmLink().Match(mail);
        Assert.True(link.Success, "The e-mail holds no confirmation link.");
        await page.GotoAsync(link.Value.Replace("&amp;", "&", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my e-mail" }).ClickAsync();
        Assert.Contains("your e-mail is confirmed", await page.Locator(".flash").InnerTextAsync());
    }

    [GeneratedRegex(@"/Account/Confirm\?email=[^""\s<>]+&(amp;)?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex ConfirmLink();
}
