using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Account.Loyalty;

/// <summary>The customer's rewards: points to spend and pending, the tier and what it gives, the referral code, badges and every movement.</summary>
public sealed class IndexModel(LoyaltyClient api) : PageModel
{
    public LoyaltySummaryDto? Summary { get; private set; }

    public IReadOnlyList<LoyaltyTierDto> Tiers { get; private set; } = [];

    public PagedList<LoyaltyTransactionDto>? History { get; private set; }

    public IReadOnlyList<ReferralDto> Referrals { get; private set; } = [];

    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public int PageNumber { get; private set; } = 1;

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken) => await LoadAsync(Math.Max(1, p ?? 1), cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(CancellationToken cancellationToken)
    {
        var claimed = await api.ClaimReferralAsync(Code, cancellationToken);
        if (claimed.Succeeded)
        {
            TempData["Flash"] = "Welcome! Your friend's gift is in your points: use it on your first party.";
            return Redirect("/Account/Loyalty");
        }

        ModelState.AddApiProblem(claimed.Problem, "Claim");
        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        PageNumber = page;
        var summary = api.MineAsync(cancellationToken);
        var tiers = api.TiersAsync(cancellationToken);
        var result = await summary;
        Summary = result.Value;
        Problem = result.Succeeded ? null : result.Problem?.Detail ?? result.Problem?.Message;
        Tiers = (await tiers).Value ?? [];
        if (Summary is not null)
        {
            History = (await api.HistoryAsync(page, cancellationToken)).Value;
            Referrals = (await api.ReferralsAsync(cancellationToken)).Value ?? [];
        }
    }

    public static string Dollars(int points, LoyaltySummaryDto summary) =>
        PageHelpers.Money(points / summary.PointsPerRedemption * summary.CentsPerRedemption);

    public string PageLink(int page) => $"?p={page}";
}
