using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Reviews;

/// <summary>
/// Moderation: pending and held reviews oldest first (or one status), each with its photos, the
/// automatic check's findings and the actions: approve, reject or flag with a reason, edit the words with a reason.
/// </summary>
public sealed class IndexModel(ReviewsClient api) : PageModel
{
    public const int PageSize = 20;

    public ReviewStatus? Status { get; private set; }

    public string? Q { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public PagedList<ReviewDto>? Result { get; private set; }

    public RatingSummaryDto? Summary { get; private set; }

    /// <summary>The review being edited (?edit=id), shown with its form.</summary>
    public Guid? Editing { get; private set; }

    public async Task OnGetAsync(ReviewStatus? status, string? q, int? p, Guid? edit, CancellationToken cancellationToken)
    {
        (Status, Q, PageNumber, Editing) = (status, q, Math.Max(1, p ?? 1), edit);
        var list = api.ModerationQueueAsync(new ReviewModerationQuery(PageNumber, PageSize, status, q), cancellationToken);
        var summary = api.SummaryAsync(cancellationToken);
        var result = await list;
        Result = result.Value;
        ModelState.AddApiProblem(result.Problem);
        Summary = (await summary).Value;
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await api.ApproveAsync(id, cancellationToken), "Published.");

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        Done(await api.RejectAsync(id, reason, cancellationToken), "Rejected; the author sees your reason.");

    public async Task<IActionResult> OnPostFlagAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        Done(await api.FlagAsync(id, reason, cancellationToken), "Held for a second look.");

    public async Task<IActionResult> OnPostEditAsync(Guid id, string? title, string? body, string? reason, CancellationToken cancellationToken) =>
        Done(await api.EditAsync(id, new StaffReviewEditRequest(title, body, reason), cancellationToken), "Saved; the change and its reason are in the audit log.");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        Done(await api.DeleteAsync(id, reason, cancellationToken), "Deleted; it can be restored from Deleted items for 30 days.");

    private IActionResult Done<T>(ApiResult<T> result, string message)
    {
        TempData["Flash"] = result.Succeeded ? message : result.Problem?.Detail ?? result.Problem?.Message ?? "That did not work.";
        return Redirect("/Admin/Reviews" + Request.QueryString);
    }

    public string PageLink(int page) => "?" + PageHelpers.Query(("status", Status), ("q", Q), ("p", page));
}
