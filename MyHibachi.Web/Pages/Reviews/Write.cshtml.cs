using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Reviews;

/// <summary>
/// The review form, in four steps (stars, words, photos, the chef): for a signed-in customer's completed
/// booking, or a guest holding the link from the e-mail the day after. Photos go to the Api one by one
/// (checked and re-encoded there), then the review names them. An existing review is changed instead.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class WriteModel(ReviewsClient api) : PageModel
{
    public const int MaxPhotos = 6;

    public const long MaxPhotoBytes = 10 * 1024 * 1024;

    private const long MaxRequestBytes = MaxPhotos * MaxPhotoBytes + 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "booking")]
    public Guid? BookingId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public IReadOnlyList<ReviewableBookingDto> Choices { get; private set; } = [];

    public ReviewableBookingDto? Booking { get; private set; }

    public bool Done { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? done, CancellationToken cancellationToken)
    {
        if (BookingId is null && User.Identity?.IsAuthenticated != true)
        {
            return Redirect("/Account/Login?returnUrl=" + Uri.EscapeDataString("/Reviews/Write"));
        }

        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        Done = done == true;
        if (Booking?.Review is { } review)
        {
            Input = new ReviewInput { Rating = review.Rating, Title = review.Title, Body = review.Body };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? photos, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Booking is null)
        {
            return Page();
        }

        photos ??= [];
        var existing = Booking.Review?.Photos.Count ?? 0;
        if (photos.Count + existing > MaxPhotos)
        {
            ModelState.AddModelError("photos", $"At most {MaxPhotos} photos per review.");
        }

        foreach (var photo in photos.Where(p => p.Length > MaxPhotoBytes))
        {
            ModelState.AddModelError("photos", $"{photo.FileName} is larger than {MaxPhotoBytes / (1024 * 1024)} MB.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var photoIds = Booking.Review?.Photos.Select(p => p.Id).ToList() ?? [];
        foreach (var photo in photos.Where(p => p.Length > 0))
        {
            await using var stream = photo.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            var uploaded = await api.UploadPhotoAsync(Booking.BookingId, Token, buffer.ToArray(), Path.GetFileName(photo.FileName), cancellationToken);
            if (!uploaded.Succeeded)
            {
                ModelState.AddModelError("photos", $"{photo.FileName}: {uploaded.Problem?.Detail ?? uploaded.Problem?.Message}");
                return Page();
            }

            photoIds.Add(uploaded.Value!.Id);
        }

        var saved = Booking.Review is { } review
            ? await api.UpdateAsync(review.Id, new UpdateReviewRequest(Input.Rating, Input.Title, Input.Body, photoIds, Token), cancellationToken)
            : await api.CreateAsync(new CreateReviewRequest(Booking.BookingId, Input.Rating, Input.Title, Input.Body, Booking.ChefId, photoIds, Token), cancellationToken);
        if (!saved.Succeeded)
        {
            ModelState.AddApiProblem(saved.Problem);
            return Page();
        }

        return Redirect($"/Reviews/Write?{PageHelpers.Query(("booking", Booking.BookingId), ("token", Token), ("done", "true"))}");
    }

    /// <summary>The booking (or, signed in without one named, the bookings to choose from); false with a problem when there is none.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await api.ReviewableAsync(BookingId, Token, cancellationToken);
        if (!result.Succeeded)
        {
            Problem = result.Problem?.Detail ?? result.Problem?.Message ?? "This review link is not valid.";
            return false;
        }

        Choices = result.Value!;
        Booking = BookingId is null ? null : Choices.FirstOrDefault();
        return true;
    }

    public string PhotoUrl(ReviewPhotoSizeDto size) => string.IsNullOrEmpty(Token) ? size.Url : $"{size.Url}?token={Uri.EscapeDataString(Token)}";

    public sealed class ReviewInput
    {
        [Required(ErrorMessage = "Choose from 1 to 5 stars."), Range(1, 5, ErrorMessage = "Choose from 1 to 5 stars.")]
        public int? Rating { get; set; }

        [StringLength(120)]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Tell us about the party."), StringLength(5000, MinimumLength = 10, ErrorMessage = "Tell us about the party in at least 10 characters.")]
        public string? Body { get; set; }
    }
}
