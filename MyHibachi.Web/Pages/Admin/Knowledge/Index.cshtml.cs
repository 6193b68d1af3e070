using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin.Knowledge;

/// <summary>The knowledge base the assistant answers policy questions from: read it, add to it, change it.</summary>
public sealed class IndexModel(AssistantClient api) : PageModel
{
    public IReadOnlyList<KnowledgeArticleDto> Articles { get; private set; } = [];

    public KnowledgeArticleDto? Editing { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(Guid? edit, CancellationToken cancellationToken)
    {
        Articles = (await api.KnowledgeAsync(cancellationToken)).Value ?? [];
        Editing = edit is { } id ? Articles.FirstOrDefault(a => a.Id == id) : null;
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? title, string? body, string? tags, bool published, CancellationToken cancellationToken)
    {
        var request = new KnowledgeArticleRequest(title, body, (tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), published);
        var saved = await api.SaveKnowledgeAsync(id, request, cancellationToken);
        if (saved.Value is not null)
        {
            Flash = $"Saved \"{saved.Value.Title}\". The assistant uses it from now on.";
            return RedirectToPage();
        }

        ModelState.AddApiProblem(saved.Problem, "");
        await OnGetAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await api.DeleteKnowledgeAsync(id, cancellationToken);
        Flash = deleted.Problem is null ? "Article removed." : deleted.Problem.Message;
        return RedirectToPage();
    }
}
