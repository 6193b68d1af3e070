using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

/// <summary>
/// Every page of the customer and staff journeys at a phone's width (390) and a desktop's (1280):
/// nothing wider than the screen, headings and fields clear of the screen's edge, and no floating
/// element (the chat button, a sticky bar) over a control, at the top of the page or the bottom.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveLayoutTests(BrowserAppHost host)
{
    private static readonly string[] PublicPages =
        ["/", "/Menu", "/Quote", "/Book", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendConfirmation", "/Chat", "/Contact", "/About", "/Privacy", "/Terms",
         "/Request?reason=area", "/Request?reason=large", "/Reviews", "/Chefs", "/Refer/OLIVIA-7K3Q"];

    private static readonly string[] CustomerPages = ["/Account/Bookings", "/Reviews/Write", "/Account/Loyalty"];

    private static readonly string[] StaffPages =
    [
        "/Admin", "/Admin/Bookings", "/Admin/Calendar", "/Admin/Customers", "/Admin/Customers/Edit", "/Admin/Chefs", "/Admin/Chefs/Edit",
        "/Admin/Stations", "/Admin/Payments", "/Admin/Payments/Invoices", "/Admin/Pricing", "/Admin/Leads", "/Admin/Inbox", "/Admin/Conversations",
        "/Admin/Knowledge", "/Admin/Reviews", "/Admin/Loyalty", "/Admin/Google", "/Admin/Google/Business", "/Admin/Reviews/Google", "/Admin/Marketing", "/Admin/Marketing/Search",
        "/Admin/Marketing/Ads", "/Admin/Marketing/Analytics", "/Admin/Marketing/Sources", "/Admin/Audit", "/Admin/Deleted", "/Admin/Users", "/Admin/Roles",
    ];

    private const string Check = """
        () => {
          const problems = [];
          const w = window.innerWidth;
          const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
            + (e.textContent ? ' "' + e.textContent.trim().replace(/\s+/g, ' ').slice(0, 30) + '"' : '');
          if (document.documentElement.scrollWidth > w + 1) {
            const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) { if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
            const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !scrolls(e))
              .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= w + 1).slice(0, 3).map(name);
            problems.push(`wider than the screen (${document.documentElement.scrollWidth}px > ${w}px): ${wide.join(', ')}`);
          }
          const h1 = document.querySelector('main h1');
          if (h1 && h1.getBoundingClientRect().left < 8) problems.push(`the heading touches the screen's edge`);
          const field = [...document.querySelectorAll('main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main select, main textarea')]
            .find(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 8 || r.right > w - 8); });
          if (field) problems.push(`a field touches the screen's edge: ${name(field)}`);
          const squeezed = [...document.querySelectorAll('main input[type=text], main input[type=email], main input[type=tel], main input[type=password], main input[type=search], main input:not([type]), main select, main textarea')]
            .filter(e => !['decimal', 'numeric'].includes(e.getAttribute('inputmode')))
            .find(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.width < 150; });
          if (squeezed) problems.push(`a field is squeezed to ${Math.round(squeezed.getBoundingClientRect().width)}px: ${name(squeezed)}`);
          const floating = [...document.querySelectorAll('body *')].filter(e => getComputedStyle(e).position === 'fixed');
          const covered = (at) => {
            for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
              const r = el.getBoundingClientRect();
              if (!r.width || !r.height || r.bottom <= 0 || r.top >= innerHeight) continue;
              const x = Math.min(Math.max(r.left + r.width / 2, 0), w - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
              const top = document.elementFromPoint(x, y);
              if (!top || el.contains(top) || top.contains(el)) continue;
              const cover = floating.find(f => f.contains(top) && !f.contains(el));
              if (cover) { problems.push(`${at}: ${name(cover).slice(0, 40)} covers ${name(el)}`); return; }
            }
          };
          covered('top');
          window.scrollTo(0, document.documentElement.scrollHeight);
          covered('bottom');
          window.scrollTo(0, 0);
          return problems;
        }
        """;

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task No_page_is_wider_than_the_screen_or_hides_a_control(int width)
    {
        var problems = new List<string>();
        var visitor = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        await CheckAsync(visitor, PublicPages, width, problems);

        var customer = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        await host.SignInAsync(customer, "olivia.bennett@example.com");
        await CheckAsync(customer, CustomerPages, width, problems);
        await customer.GotoAsync("/Account/Bookings");
        var first = customer.Locator("main a[href^='/Account/Bookings/']").First;
        if (await first.CountAsync() > 0)
        {
            var detail = await first.GetAttributeAsync("href") ?? "/Account/Bookings";
            await CheckAsync(customer, [detail], width, problems);
            await customer.GotoAsync(detail);
            if (await customer.Locator("a[href$='/Change']").CountAsync() > 0)
            {
                await CheckAsync(customer, [detail + "/Change"], width, problems);
            }
        }

        var staff = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        await host.SignInAsync(staff, "superadmin@myhibachi.local");
        await CheckAsync(staff, StaffPages, width, problems);
        await staff.GotoAsync("/Admin/Bookings");
        var booking = staff.Locator("main a[href^='/Admin/Bookings/']").First;
        if (await booking.CountAsync() > 0)
        {
            var detail = await booking.GetAttributeAsync("href") ?? "/Admin/Bookings";
            await CheckAsync(staff, [detail], width, problems);
            await staff.GotoAsync(detail);
            if (await staff.Locator("a[href$='/Edit']").CountAsync() > 0)
            {
                await CheckAsync(staff, [detail + "/Edit"], width, problems);
            }

            await staff.GotoAsync("/Admin/Chefs");
            var chefLink = staff.Locator("main a[href^='/Admin/Chefs/Edit/']").First;
            if (await chefLink.CountAsync() > 0)
            {
                var chefId = (await chefLink.GetAttributeAsync("href"))!["/Admin/Chefs/Edit/".Length..];
                await CheckAsync(staff, [$"/Admin/Chefs/Calendar/{chefId}"], width, problems);
            }

            await staff.GotoAsync("/Admin/Customers");
            var customerLink = staff.Locator("main table a[href^='/Admin/Customers/Edit/']").First;
            if (await customerLink.CountAsync() > 0)
            {
                await CheckAsync(staff, [await customerLink.GetAttributeAsync("href") ?? "/Admin/Customers"], width, problems);
            }
        }

        Assert.True(problems.Count == 0, $"At {width} px:\n" + string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, IEnumerable<string> paths, int width, List<string> problems)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            problems.AddRange((await page.EvaluateAsync<string[]>(Check)).Select(p => $"{path}: {p}"));
            var name = (width < 600 ? "phone" : "desktop") + System.Text.RegularExpressions.Regex.Replace(path, "/[0-9a-f-]{36}", "/detail").Replace("?reason=", "-", StringComparison.Ordinal).Replace('/', '-').TrimEnd('-');
            // Every page at both widths, to be looked at side by side.
            await BrowserAppHost.ScreenshotAsync(page, name is "phone" or "desktop" ? name + "-home" : name);
        }
    }
}
