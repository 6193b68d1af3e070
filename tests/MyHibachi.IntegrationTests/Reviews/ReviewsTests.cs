using System.Net;
using System.Net.Http.Headers;
using MyHibachi.Contracts;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Reviews;

public sealed class ReviewsTests(ApiAppHost host) : ApiTest(host)
{
    private const string Password = "Reviews-are-verified-1";

    private int _events;

    [Fact]
    public async Task A_verified_photo_review_is_moderated_then_shown_on_the_feed_and_the_chefs_profile_with_the_right_average()
    {
        var station = await Api.CreateStationAsync();
        var chef = await Api.CreateChefAsync(station.Id);
        var (customer, booking) = await CompletedEventAsync(station.Id, "maria.reviews@example.com");

        // The photo: a phone's JPEG with GPS in it, stored at three widths with no metadata at all,
        // as three objects in the S3-compatible store (every request signed).
        var objectsBefore = PhotoObjects();
        var photo = (await UploadAsync(customer, booking.Id, TestImages.JpegWithGps(2000, 1500), "party.jpg")).Ok(HttpStatusCode.Created);
        Assert.Equal([320, 800, 1600], photo.Sizes.Select(s => s.Width));
        Assert.Equal(objectsBefore + 3, PhotoObjects());
        Assert.All(Host.S3.Objects.Where(o => o.Key.StartsWith("review-photo/", StringComparison.Ordinal)), o => Assert.False(TestImages.HasExif(o.Value.Bytes)));
        Assert.Equal(0, Host.S3.Refused);
        Assert.Equal((2000, 1500), (photo.Width, photo.Height));
        using (var pending = await customer.Http.GetAsync($"/api/v1/reviews/photos/{photo.Id}/800"))
        {
            Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
            Assert.Equal("image/jpeg", pending.Content.Headers.ContentType?.MediaType);
            Assert.Contains("private", pending.Headers.CacheControl!.ToString());
            var bytes = await pending.Content.ReadAsByteArrayAsync();
            Assert.False(TestImages.HasExif(bytes));
            Assert.Equal((800, 600), TestImages.Size(bytes));
        }

        // Not published yet: the public cannot see the photo.
        Assert.Equal(HttpStatusCode.NotFound, (await Host.CreateAnonymousClient().Http.GetAsync($"/api/v1/reviews/photos/{photo.Id}/800")).StatusCode);

        var created = (await customer.PostAsync<ReviewDto>("/api/v1/reviews",
            new CreateReviewRequest(booking.Id, 4, "Great night", "Kenji made the kids laugh all evening and the steak was perfect.", PhotoIds: [photo.Id])))
            .Ok(HttpStatusCode.Created);
        Assert.Equal(ReviewStatus.Pending, created.Status);
        Assert.True(created.VerifiedEvent);
        Assert.Equal("Cam C.", created.AuthorName);
        Assert.Equal(chef.Chef.Id, created.ChefId);
        Assert.Single(created.Photos);

        // Once per booking.
        (await customer.PostAsync<ReviewDto>("/api/v1/reviews", new CreateReviewRequest(booking.Id, 5, null, "Writing a second review of the same party.")))
            .Refused(HttpStatusCode.Conflict);

        var visitor = Host.CreateAnonymousClient();
        Assert.Empty((await visitor.GetAsync<PagedList<ReviewDto>>("/api/v1/reviews")).Ok().Items);
        Assert.Equal(0, (await visitor.GetAsync<RatingSummaryDto>("/api/v1/reviews/summary")).Ok().Count);

        var queue = (await Api.GetAsync<PagedList<ReviewDto>>("/api/v1/reviews/moderation")).Ok();
        Assert.Equal(created.Id, Assert.Single(queue.Items).Id);
        (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{created.Id}/approve")).Ok();

        var feed = (await visitor.GetAsync<PagedList<ReviewDto>>("/api/v1/reviews")).Ok();
        var shown = Assert.Single(feed.Items);
        Assert.Equal(ReviewStatus.Published, shown.Status);
        Assert.Equal("/reviews/photos/" + photo.Id + "/1600.jpg", shown.Photos.Single().Sizes.Last().Url);
        Assert.Null(shown.FlagReason);
        using (var published = await visitor.Http.GetAsync($"/api/v1/reviews/photos/{photo.Id}/320"))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", published.Headers.CacheControl!.ToString());
            Assert.NotNull(published.Headers.ETag);
        }

        var profile = (await visitor.GetAsync<ChefProfileDto>($"/api/v1/chefs/{chef.Chef.Id}/profile")).Ok();
        Assert.Equal(1, profile.Rating.Count);
        Assert.Equal(4m, profile.Rating.Average);
        Assert.Equal(created.Id, Assert.Single(profile.Reviews.Items).Id);

        // A second event, five stars: 4.5. The first author changes to 3 stars: out until approved (5.0), then 4.0.
        var (other, second) = await CompletedEventAsync(station.Id, "lee.reviews@example.com");
        var five = (await other.PostAsync<ReviewDto>("/api/v1/reviews", new CreateReviewRequest(second.Id, 5, null, "Best birthday dinner we ever had at home."))).Ok(HttpStatusCode.Created);
        (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{five.Id}/approve")).Ok();
        Assert.Equal(4.5m, (await visitor.GetAsync<RatingSummaryDto>("/api/v1/reviews/summary")).Ok().Average);

        var changed = (await customer.PutAsync<ReviewDto>($"/api/v1/reviews/{created.Id}",
            new UpdateReviewRequest(3, "Good night", "On reflection the rice was a little cold, but the show was great."))).Ok();
        Assert.Equal(ReviewStatus.Pending, changed.Status);
        Assert.Single(changed.Photos);
        var summary = (await visitor.GetAsync<RatingSummaryDto>($"/api/v1/reviews/summary?chefId={chef.Chef.Id}")).Ok();
        Assert.Equal((1, 5, 5m), (summary.Count, summary.Sum, summary.Average));
        (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{created.Id}/approve")).Ok();
        summary = (await visitor.GetAsync<RatingSummaryDto>("/api/v1/reviews/summary")).Ok();
        Assert.Equal((2, 8, 4m), (summary.Count, summary.Sum, summary.Average));
        Assert.Equal(1, summary.Distribution[3]);
        Assert.Equal(1, summary.Distribution[5]);

        // Staff delete with a reason (required): the average is the five-star review alone.
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.DeleteAsync($"/api/v1/reviews/{created.Id}", null)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/v1/reviews/{created.Id}", "Duplicate of a complaint handled by phone")).Status);
        Assert.Equal(5m, (await visitor.GetAsync<ChefProfileDto>($"/api/v1/chefs/{chef.Chef.Id}/profile")).Ok().Rating.Average);
        Assert.Equal("Duplicate of a complaint handled by phone",
            await Host.ScalarAsync<string>("SELECT delete_reason FROM reviews WHERE id = @id", ("id", created.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync<ReviewDto>($"/api/v1/reviews/{created.Id}")).Status);
    }

    [Fact]
    public async Task Only_the_customer_of_a_completed_event_may_review_it()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var (customer, booking) = await CompletedEventAsync(station.Id, "owner.reviews@example.com");
        var request = new CreateReviewRequest(booking.Id, 1, null, "I was never at this party but here is a review.");

        (await Host.CreateAnonymousClient().PostAsync<ReviewDto>("/api/v1/reviews", request)).Refused(HttpStatusCode.Unauthorized);
        var stranger = await ConfirmedCustomerAsync("stranger.reviews@example.com", Password);
        Assert.Equal(ProblemCodes.ReviewNotVerified, (await stranger.PostAsync<ReviewDto>("/api/v1/reviews", request)).Refused(HttpStatusCode.Forbidden).Code);
        (await Host.CreateAnonymousClient().PostAsync<ReviewDto>("/api/v1/reviews", request with { Token = "made-up-token" })).Refused(HttpStatusCode.Forbidden);
        (await UploadAsync(stranger, booking.Id, TestImages.JpegWithGps(400, 300), "mine.jpg")).Refused(HttpStatusCode.Forbidden);

        // A booking not completed yet cannot be reviewed, even by its customer.
        var upcoming = await customer.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(20), email: "owner.reviews@example.com");
        (await customer.PostAsync<ReviewDto>("/api/v1/reviews", request with { BookingId = upcoming.Id })).Refused(HttpStatusCode.Conflict);

        // Bad input: field by field.
        var invalid = (await customer.PostAsync<ReviewDto>("/api/v1/reviews", new CreateReviewRequest(booking.Id, 6, new string('t', 200), "short")))
            .Refused(HttpStatusCode.BadRequest);
        Assert.Equal(["body", "rating", "title"], invalid.Errors!.Keys.Order());
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM reviews"));
    }

    [Fact]
    public async Task The_review_link_from_the_email_the_day_after_lets_a_guest_review_without_signing_in()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var (_, booking) = await CompletedEventAsync(station.Id, "guest.reviews@example.com");

        var mail = await Host.WaitForMailAsync("guest.reviews@example.com", "Write your review");
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"/Reviews/Write\?booking=([0-9a-f-]+)&amp;token=([A-Za-z0-9_-]+)|/Reviews/Write\?booking=([0-9a-f-]+)&token=([A-Za-z0-9_-]+)");
        Assert.True(link.Success, mail);
        var token = link.Groups[2].Success ? link.Groups[2].Value : link.Groups[4].Value;
        Assert.NotNull(await Host.ScalarAsync<DateTime?>("SELECT review_requested_at FROM bookings WHERE id = @id", ("id", booking.Id)));

        var guest = Host.CreateAnonymousClient();
        var reviewable = Assert.Single((await guest.GetAsync<IReadOnlyList<ReviewableBookingDto>>($"/api/v1/reviews/mine?bookingId={booking.Id}&token={token}")).Ok());
        Assert.Null(reviewable.Review);
        var photo = (await UploadAsync(guest, booking.Id, TestImages.JpegWithGps(640, 480), "grill.jpg", token)).Ok(HttpStatusCode.Created);
        Assert.Equal([320, 640], photo.Sizes.Select(s => s.Width));
        var review = (await guest.PostAsync<ReviewDto>("/api/v1/reviews",
            new CreateReviewRequest(booking.Id, 5, null, "Booked for my mother's 70th, everyone loved it.", PhotoIds: [photo.Id], Token: token))).Ok(HttpStatusCode.Created);
        Assert.Equal(ReviewStatus.Pending, review.Status);

        // Asked once: a review written means no second e-mail, and the request is marked.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(Directory.GetFiles(Host.MailPickup, "*.eml"), f => File.ReadAllText(f).Contains("guest.reviews@example.com") && File.ReadAllText(f).Contains("Write your review"));
    }

    [Fact]
    public async Task Malicious_uploads_are_refused_with_a_clear_4xx_and_nothing_is_stored()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var (customer, booking) = await CompletedEventAsync(station.Id, "uploads.reviews@example.com");
        var objectsBefore = PhotoObjects();

        var script = (await UploadAsync(customer, booking.Id, TestImages.ScriptNamedJpg(), "photo.jpg", contentType: "image/jpeg")).Refused(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(ProblemCodes.PhotoRejected, script.Code);
        Assert.Contains("not a photo", script.Detail);

        var huge = new byte[50 * 1024 * 1024];
        TestImages.JpegWithGps(64, 64).CopyTo(huge, 0);
        // As curl and browsers send a large body: headers first (Expect: 100-continue); the Api answers before a byte of it.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reviews/photos") { Content = Form(booking.Id, huge, "huge.jpg", null, "image/jpeg") })
        {
            request.Headers.ExpectContinue = true;
            using var response = await customer.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("10 MB", await response.Content.ReadAsStringAsync());
        }

        var bomb = (await UploadAsync(customer, booking.Id, TestImages.PngBomb(30_000), "bomb.png")).Refused(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("30000 × 30000", bomb.Detail);

        // The same bytes as the raw body, not a form: the same checks.
        using var raw = new ByteArrayContent(TestImages.PngBomb(20_000)) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } };
        (await customer.SendAsync<ReviewPhotoDto>(HttpMethod.Post, $"/api/v1/reviews/photos?bookingId={booking.Id}", raw)).Refused(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM review_photos"));
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM stored_files WHERE kind = 'review-photo'"));
        Assert.Equal(objectsBefore, PhotoObjects());

        // Sixteen uploads at once for one event: twelve are kept, the rest refused, none over the limit.
        var small = TestImages.JpegWithGps(400, 300);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => UploadAsync(customer, booking.Id, small, "many.jpg")));
        Assert.Equal(12, parallel.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(parallel.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(12, await Host.ScalarAsync<long>("SELECT count(*) FROM review_photos WHERE booking_id = @id", ("id", booking.Id)));
    }

    [Fact]
    public async Task Spam_is_held_automatically_and_staff_reject_flag_and_edit_with_reasons_in_the_audit_log()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var (customer, booking) = await CompletedEventAsync(station.Id, "spam.reviews@example.com");

        var held = (await customer.PostAsync<ReviewDto>("/api/v1/reviews",
            new CreateReviewRequest(booking.Id, 5, null, "BUY NOW cheap watches at www.cheap-watches.example click here"))).Ok(HttpStatusCode.Created);
        Assert.Equal(ReviewStatus.Flagged, held.Status);
        Assert.Contains("Contains a link.", held.FlagReason);
        Assert.Contains("Looks like advertising.", held.FlagReason);

        (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}/reject", new ModerationReasonRequest(""))).InvalidField("reason");
        var rejected = (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}/reject", new ModerationReasonRequest("Advertising"))).Ok();
        Assert.Equal(ReviewStatus.Rejected, rejected.Status);
        Assert.Equal("Advertising", rejected.RejectReason);
        Assert.NotNull(rejected.ModeratedByName);
        // The author sees why; the public sees nothing.
        Assert.Equal("Advertising", (await customer.GetAsync<ReviewDto>($"/api/v1/reviews/{held.Id}")).Ok().RejectReason);
        (await Host.CreateAnonymousClient().GetAsync<ReviewDto>($"/api/v1/reviews/{held.Id}")).Refused(HttpStatusCode.NotFound);

        // The author rewrites it; staff take a phone number out with a reason, publish, then flag it for a second look.
        var rewritten = (await customer.PutAsync<ReviewDto>($"/api/v1/reviews/{held.Id}",
            new UpdateReviewRequest(5, null, "Lovely evening, the chef was funny and the food was hot. Call me on 404 555 0199 for tips."))).Ok();
        Assert.Equal(ReviewStatus.Flagged, rewritten.Status);
        (await Api.PutAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}", new StaffReviewEditRequest(null, "Lovely evening, the chef was funny and the food was hot.", null)))
            .InvalidField("reason");
        var edited = (await Api.PutAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}",
            new StaffReviewEditRequest(null, "Lovely evening, the chef was funny and the food was hot.", "Removed a phone number"))).Ok();
        Assert.NotNull(edited.EditedByStaffAt);
        (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}/approve")).Ok();
        Assert.Single((await Host.CreateAnonymousClient().GetAsync<PagedList<ReviewDto>>("/api/v1/reviews")).Ok().Items);
        var flagged = (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}/flag", new ModerationReasonRequest("Customer called to complain"))).Ok();
        Assert.Equal(ReviewStatus.Flagged, flagged.Status);
        Assert.Empty((await Host.CreateAnonymousClient().GetAsync<PagedList<ReviewDto>>("/api/v1/reviews")).Ok().Items);

        var audit = await Host.ScalarAsync<string>(
            "SELECT string_agg(action || ':' || coalesce(after->>'Reason', after->>'reason', ''), '|' ORDER BY occurred_at) FROM audit_log WHERE entity_id = @id AND action LIKE 'review.%'",
            ("id", held.Id.ToString()));
        Assert.Equal("review.reject:Advertising|review.edit:Removed a phone number|review.approve:|review.flag:Customer called to complain", audit);
        Assert.Contains("404 555 0199", await Host.ScalarAsync<string>(
            "SELECT before->>'body' FROM audit_log WHERE entity_id = @id AND action = 'review.edit'", ("id", held.Id.ToString())));

        // A customer cannot use the moderators' endpoints.
        (await customer.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{held.Id}/approve")).Refused(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_visitor_likes_a_review_once()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var (customer, booking) = await CompletedEventAsync(station.Id, "likes.reviews@example.com");
        var review = (await customer.PostAsync<ReviewDto>("/api/v1/reviews", new CreateReviewRequest(booking.Id, 5, null, "The volcano onion was a hit with everyone."))).Ok(HttpStatusCode.Created);
        var visitor = Host.CreateAnonymousClient();
        (await visitor.PostAsync<ReviewLikeDto>($"/api/v1/reviews/{review.Id}/like")).Refused(HttpStatusCode.NotFound); // not published
        (await Api.PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{review.Id}/approve")).Ok();

        var likes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => visitor.PostAsync<ReviewLikeDto>($"/api/v1/reviews/{review.Id}/like")));
        Assert.All(likes, l => Assert.Equal(1, l.Ok().LikeCount));
        Assert.Equal(2, (await Host.CreateAnonymousClient().PostAsync<ReviewLikeDto>($"/api/v1/reviews/{review.Id}/like")).Ok().LikeCount);
        Assert.Equal(1, (await visitor.SendAsync<ReviewLikeDto>(HttpMethod.Delete, $"/api/v1/reviews/{review.Id}/like")).Ok().LikeCount);
    }

    /// <summary>Review photos in the S3-compatible store (the Workers may write invoices there meanwhile).</summary>
    private int PhotoObjects() => Host.S3.Objects.Keys.Count(key => key.StartsWith("review-photo/", StringComparison.Ordinal));

    private async Task<(HibachiApiClient Customer, BookingDto Booking)> CompletedEventAsync(Guid stationId, string email)
    {
        var customer = await ConfirmedCustomerAsync(email, Password);
        var booking = await customer.CreateBookingAsync(stationId, HibachiApiClient.FutureDate(), email: email);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();
        // The event happened a few days ago (each test event on its own day, so the chef is free).
        var daysAgo = 2 + Interlocked.Increment(ref _events);
        await Host.ExecuteAsync(
            $"UPDATE bookings SET starts_at = now() - interval '{daysAgo} days', ends_at = now() - interval '{daysAgo} days' + interval '2 hours', "
            + $"chef_busy_from = now() - interval '{daysAgo} days' - interval '1 hour', chef_busy_to = now() - interval '{daysAgo} days' + interval '3 hours' WHERE id = @id",
            ("id", booking.Id));
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/complete")).Ok();
        return (customer, booking);
    }

    private static Task<ApiResponse<ReviewPhotoDto>> UploadAsync(
        HibachiApiClient client, Guid bookingId, byte[] bytes, string fileName, string? token = null, string contentType = "image/jpeg")
    {
        return client.SendAsync<ReviewPhotoDto>(HttpMethod.Post, "/api/v1/reviews/photos", Form(bookingId, bytes, fileName, token, contentType));
    }

    private static MultipartFormDataContent Form(Guid bookingId, byte[] bytes, string fileName, string? token, string contentType)
    {
        var form = new MultipartFormDataContent { { new StringContent(bookingId.ToString()), "bookingId" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (token is not null)
        {
            form.Add(new StringContent(token), "token");
        }

        return form;
    }
}
