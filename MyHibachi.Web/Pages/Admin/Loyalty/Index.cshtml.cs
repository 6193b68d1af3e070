using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Loyalty;

/// <summary>The program's campaigns: challenges ("book 3 parties, get a bonus and a badge") and seasonal multipliers.</summary>
public sealed class IndexModel(LoyaltyClient api) : PageModel
{
    public IReadOnlyList<LoyaltyCampaignDto> Campaigns { get; private set; } = [];

    public IReadOnlyList<LoyaltyTierDto> Tiers { get; private set; } = [];

    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await api.SaveCampaignAsync(null, new SaveLoyaltyCampaignRequest(Input.Kind, Input.Name, Input.StartsOn, Input.EndsOn,
            Input.Kind == LoyaltyCampaignKind.SeasonalMultiplier ? Input.Multiplier : null, Input.Kind == LoyaltyCampaignKind.Challenge ? Input.TargetEvents : null,
            Input.Kind == LoyaltyCampaignKind.Challenge ? Input.BonusPoints : null, Input.Badge, true), cancellationToken);
        if (saved.Succeeded)
        {
            TempData["Flash"] = $"{saved.Value!.Name} is running.";
            return Redirect("/Admin/Loyalty");
        }

        ModelState.AddApiProblem(saved.Problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Campaigns.FirstOrDefault(c => c.Id == id) is { } c)
        {
            var stopped = await api.SaveCampaignAsync(id, new SaveLoyaltyCampaignRequest(c.Kind, c.Name, c.StartsOn, c.EndsOn, c.Multiplier, c.TargetEvents, c.BonusPoints, c.Badge, false), cancellationToken);
            TempData["Flash"] = stopped.Succeeded ? $"{c.Name} is stopped." : stopped.Problem?.Message;
        }

        return Redirect("/Admin/Loyalty");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Campaigns = (await api.CampaignsAsync(cancellationToken)).Value ?? [];
        Tiers = (await api.TiersAsync(cancellationToken)).Value ?? [];
    }

    public sealed class CampaignInput
    {
        public LoyaltyCampaignKind Kind { get; set; } = LoyaltyCampaignKind.Challenge;

        public string? Name { get; set; }

        public DateOnly? StartsOn { get; set; }

        public DateOnly? EndsOn { get; set; }

        public decimal? Multiplier { get; set; } = 2m;

        public int? TargetEvents { get; set; } = 3;

        public int? BonusPoints { get; set; } = 300;

        public string? Badge { get; set; }
    }
}
