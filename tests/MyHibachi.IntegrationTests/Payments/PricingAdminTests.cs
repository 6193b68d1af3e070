using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Payments;

/// <summary>Prices managed in the database: bounds, a mandatory reason, a history row per change, admins told by e-mail.</summary>
public sealed class PricingAdminTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task A_price_change_is_bounded_explained_kept_in_history_and_mailed_to_the_admins()
    {
        var prices = (await Api.GetAsync<IReadOnlyList<PriceItemDto>>("/api/v1/admin/pricing")).Ok();
        var adult = prices.Single(p => p.Code == "adult_price");
        var lobster = prices.Single(p => p is { Kind: PriceKind.MenuItem, Code: "lobster_tail" });
        Assert.Contains(prices, p => p.Kind == PriceKind.PriceItem && p.Code == "deposit");
        try
        {
            (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{adult.Id}", new PriceUpdateRequest(-100, "Negative prices are not a thing"))).InvalidField("value");
            (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{adult.Id}", new PriceUpdateRequest(adult.Value + 100, null))).InvalidField("reason");
            (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{adult.Id}", new PriceUpdateRequest(adult.Value + 100, "too short"))).InvalidField("reason");
            var outside = (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{adult.Id}", new PriceUpdateRequest(adult.MaxValue + 1, "Way above the allowed maximum")))
                .Refused(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(ProblemCodes.PriceOutOfBounds, outside.Code);
            (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{Guid.NewGuid()}", new PriceUpdateRequest(100, "A price that does not exist"))).Refused(HttpStatusCode.NotFound);

            var changed = (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{adult.Id}", new PriceUpdateRequest(adult.Value + 500, "Beef costs rose 8% this quarter"))).Ok();
            Assert.Equal(adult.Value + 500, changed.Value);
            (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{lobster.Id}", new PriceUpdateRequest(lobster.Value - 100, "Lobster is in season and cheaper"))).Ok();
            Assert.Equal(adult.Value + 500, await Host.ScalarAsync<long>("SELECT value FROM price_items WHERE code = 'adult_price'"));

            var history = (await Api.GetAsync<PagedList<PriceChangeDto>>("/api/v1/admin/pricing/history")).Ok();
            Assert.Equal(2, history.Items.Count);
            var row = history.Items.Single(c => c.Code == "adult_price");
            Assert.Equal((adult.Value, adult.Value + 500, "Beef costs rose 8% this quarter", ApiAppHost.AdminEmail), (row.OldValue, row.NewValue, row.Reason, row.ChangedByName));
            Assert.Single((await Api.GetAsync<PagedList<PriceChangeDto>>("/api/v1/admin/pricing/history?code=lobster_tail")).Ok().Items);
            Assert.Equal(2L, await Host.ScalarAsync<long>("SELECT count(*) FROM price_change_history"));

            var mail = await Host.WaitForMailAsync(ApiAppHost.AdminEmail, "Beef costs rose");
            Assert.Contains("Price changed: Adult guest", mail);
            var dashboard = (await Api.GetAsync<DashboardDto>("/api/admin/dashboard")).Ok();
            Assert.Contains(dashboard.RecentPriceChanges, c => c.Id == row.Id);

            // A quote made now uses the new price.
            await Api.CreateStationAsync();
            var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 10, 0, null, null, null, null))).Ok(HttpStatusCode.Created);
            Assert.Equal(10 * (adult.Value + 500), Assert.Single(quote.Pricing.Lines, l => l.Code == "adult").TotalCents);
        }
        finally
        {
            await Host.ExecuteAsync("UPDATE price_items SET value = @v WHERE id = @id", ("v", adult.Value), ("id", adult.Id));
            await Host.ExecuteAsync("UPDATE menu_items SET price_cents = @v WHERE id = @id", ("v", lobster.Value), ("id", lobster.Id));
        }
    }

    [Fact]
    public async Task Only_staff_who_manage_prices_may_see_or_change_them()
    {
        using var anonymous = Host.CreateAnonymousClient();
        (await anonymous.GetAsync<object>("/api/v1/admin/pricing")).Refused(HttpStatusCode.Unauthorized);
        var prices = (await Api.GetAsync<IReadOnlyList<PriceItemDto>>("/api/v1/admin/pricing")).Ok();
        (await anonymous.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{prices[0].Id}", new PriceUpdateRequest(1, "Trying without signing in"))).Refused(HttpStatusCode.Unauthorized);
        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM price_change_history"));
    }
}
