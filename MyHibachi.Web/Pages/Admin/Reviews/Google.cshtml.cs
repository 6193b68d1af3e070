using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Reviews;

/// <summary>
/// Reviews customers left on Google, beside the site's own rating: the negative unanswered ones first when asked,
/// each with a reply to write (or draft from a template or the AI) and approve; only approved replies are posted.
/// </summary>
public sealed class GoogleModel(GoogleClient api) : PageModel
{
    public PagedList<GoogleReviewDto> Reviews { get; private set; } = new([], 1, 20, 0);

    public RatingOverviewDto? Overview { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool NeedsAttention { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Reply { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = (await api.RatingOverviewAsync(cancellationToken)).Value;
        Reviews = (await api.GoogleReviewsAsync(new GoogleReviewQuery(null, NeedsAttention ? true : null, null, PageNumber, 20), cancellationToken)).Value ?? Reviews;
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(api.SaveReplyAsync(id, Reply, cancellationToken), "The reply is saved as a draft.");

    public Task<IActionResult> OnPostTemplateAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(api.DraftReplyAsync(id, "template", cancellationToken), "A template reply is drafted.");

    public Task<IActionResult> OnPostAiAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(api.DraftReplyAsync(id, "ai", cancellationToken), null);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        // What is in the box is what gets approved: save it first when it changed.
        if (!string.IsNullOrWhiteSpace(Reply))
        {
            var saved = await api.SaveReplyAsync(id, Reply, cancellationToken);
            if (!saved.Succeeded)
            {
                TempData["Flash"] = saved.Problem?.Message;
                return Back(id);
            }
        }

        return await AfterAsync(api.ApproveReplyAsync(id, cancellationToken), "Approved: the reply is being posted to Google.");
    }

    private async Task<IActionResult> AfterAsync(Task<ApiResult<GoogleReviewDto>> action, string? done)
    {
        var result = await action;
        TempData["Flash"] = result.Succeeded
            ? done ?? (result.Value!.DraftSource == "ai" ? "The AI drafted a reply: read it before approving." : "A reply is drafted from what the review says.")
            : result.Problem?.Message;
        return Back(result.Value?.Id);
    }

    private RedirectResult Back(Guid? id) => Redirect($"/Admin/Reviews/Google?needsAttention={NeedsAttention.ToString().ToLowerInvariant()}&p={PageNumber}" + (id is null ? "" : $"#review-{id}"));

    public static string SourceName(string? source) => source switch
    {
        "template" => "template",
        "ai" => "AI draft",
        "rules" => "drafted from the review",
        "staff" => "written by staff",
        _ => "",
    };
}
