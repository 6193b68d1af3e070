using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Reviews;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Google;

/// <summary>
/// Google Business Profile, per station: the location linked, the hours it shows (kept here, written to Google by
/// the Workers), and the reviews read from it. New reviews get a template draft at once; a negative one (one or
/// two stars) with no reply needs attention and is e-mailed to staff; a reply goes out only after staff approve it.
/// </summary>
public sealed partial class BusinessProfile(HibachiDbContext db, ReviewReplyWriter writer, CurrentActor actor, TimeProvider clock)
{
    public const int NegativeAtMost = 2;

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    private static OpeningPeriodDto ToDto(OpeningPeriod p) => new(DayName(p.Day), p.Open, p.Close);

    private static SpecialDayDto ToDto(SpecialDay d) => new(d.Date, d.Closed, d.Open, d.Close);

    public async Task<IReadOnlyList<BusinessLocationDto>> LocationsAsync(CancellationToken cancellationToken)
    {
        var stations = await db.Stations.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var links = await db.BusinessLocations.AsNoTracking().ToDictionaryAsync(l => l.StationId, cancellationToken);
        var connections = await db.GoogleConnections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return stations.Select(s => ToDto(s, links.GetValueOrDefault(s.Id), connections)).ToList();
    }

    private static BusinessLocationDto ToDto(Station station, BusinessLocation? l, IReadOnlyDictionary<Guid, string> connections) => l is null
        ? new BusinessLocationDto(station.Id, station.Name, null, null, null, null, [], [], false, null, null, "never", null, null, null, 0)
        : new BusinessLocationDto(station.Id, station.Name, l.ConnectionId, l.ConnectionId is { } c ? connections.GetValueOrDefault(c) : null, l.AccountId, l.LocationId,
            l.RegularHours.OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => p.Open, StringComparer.Ordinal).Select(ToDto).ToList(),
            l.SpecialHours.OrderBy(d => d.Date).Select(ToDto).ToList(), l.HoursPending, l.HoursPushedAt, l.HoursError,
            l.SyncStatus.ToString().ToLowerInvariant(), l.LastSyncedAt, l.LastError, l.AverageRating, l.TotalReviewCount);

    public async Task<Result<BusinessLocationDto>> SaveLocationAsync(Guid stationId, BusinessLocationRequest request, CancellationToken cancellationToken)
    {
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken);
        if (station is null)
        {
            return Failure.NotFound("Station");
        }

        var errors = new ValidationErrors();
        if (request.ConnectionId is { } connectionId)
        {
            var connection = await db.GoogleConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
            if (connection is null)
            {
                errors.Add("connectionId", "There is no Google connection with this id.");
            }
            else if (!connection.Scopes.Contains(GoogleConnections.ScopePrefix + "business.manage"))
            {
                errors.Add("connectionId", "This connection was not given the Business Profile scope (business.manage).");
            }

            if (request.AccountId is null || !Digits().IsMatch(request.AccountId))
            {
                errors.Add("accountId", "The Business Profile account id: the digits after accounts/ (up to 40).");
            }

            if (request.LocationId is null || !Digits().IsMatch(request.LocationId))
            {
                errors.Add("locationId", "The location id: the digits after locations/ (up to 40).");
            }
        }

        var regular = request.RegularHours is null ? null : ReadHours(request.RegularHours, errors);
        var special = request.SpecialHours is null ? null : ReadSpecial(request.SpecialHours, errors);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var location = await db.BusinessLocations.FirstOrDefaultAsync(l => l.StationId == stationId, cancellationToken);
        if (location is null)
        {
            location = new BusinessLocation { StationId = stationId };
            db.BusinessLocations.Add(location);
        }

        var relinked = location.ConnectionId != request.ConnectionId || location.AccountId != request.AccountId || location.LocationId != request.LocationId;
        location.ConnectionId = request.ConnectionId;
        location.AccountId = request.ConnectionId is null ? null : request.AccountId;
        location.LocationId = request.ConnectionId is null ? null : request.LocationId;
        if (regular is not null)
        {
            location.HoursPending |= !SameHours(location.RegularHours, regular);
            location.RegularHours = regular;
        }

        if (special is not null)
        {
            location.HoursPending |= !SameSpecial(location.SpecialHours, special);
            location.SpecialHours = special;
        }

        if (relinked)
        {
            location.HoursPending = location.RegularHours.Count > 0 || location.SpecialHours.Count > 0;
            location.LastError = null;
            location.LastSyncedAt = null;
            await db.GoogleReviews.Where(r => r.StationId == stationId).ExecuteDeleteAsync(cancellationToken);
            location.AverageRating = null;
            location.TotalReviewCount = 0;
        }

        if (location.ConnectionId is not null && (relinked || location.HoursPending))
        {
            location.SyncStatus = CalendarSyncStatus.Queued;
            db.Publish(new GoogleSyncRequested("business_profile", stationId), clock.Now());
        }

        await db.SaveChangesAsync(cancellationToken);
        var connections = await db.GoogleConnections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return ToDto(station, location, connections);
    }

    private static bool SameHours(List<OpeningPeriod> a, List<OpeningPeriod> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.Day == x.Second.Day && x.First.Open == x.Second.Open && x.First.Close == x.Second.Close);

    private static bool SameSpecial(List<SpecialDay> a, List<SpecialDay> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.Date == x.Second.Date && x.First.Closed == x.Second.Closed && x.First.Open == x.Second.Open && x.First.Close == x.Second.Close);

    /// <summary>"HH:mm" from 00:00 to 24:00 as minutes, or null.</summary>
    public static int? Minutes(string? text) =>
        text == "24:00" ? 1440
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.Hour * 60 + time.Minute : null;

    public static List<OpeningPeriod>? ReadHours(IReadOnlyList<OpeningPeriodDto> periods, ValidationErrors errors)
    {
        var read = new List<OpeningPeriod>();
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var day = Array.IndexOf(DayNames, p.Day?.ToLowerInvariant());
            var open = Minutes(p.Open);
            var close = Minutes(p.Close);
            if (day < 0)
            {
                errors.Add($"regularHours[{i}].day", "monday, tuesday, … or sunday.");
            }

            if (open is null or 1440 || close is null || close <= open)
            {
                errors.Add($"regularHours[{i}].close", "Open and close are HH:mm (close up to 24:00), and the close is after the open.");
            }

            if (day >= 0 && open is not null && close > open)
            {
                read.Add(new OpeningPeriod { Day = (DayOfWeek)day, Open = p.Open, Close = p.Close });
            }
        }

        foreach (var day in read.GroupBy(p => p.Day))
        {
            var ordered = day.OrderBy(p => Minutes(p.Open)).ToList();
            if (ordered.Zip(ordered.Skip(1)).Any(x => Minutes(x.Second.Open) < Minutes(x.First.Close)))
            {
                errors.Add("regularHours", $"The periods on {DayName(day.Key)} overlap.");
            }
        }

        return read.OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => Minutes(p.Open)).ToList();
    }

    public List<SpecialDay>? ReadSpecial(IReadOnlyList<SpecialDayDto> days, ValidationErrors errors)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var read = new List<SpecialDay>();
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            if (d.Date < today.AddDays(-1) || d.Date > today.AddYears(2))
            {
                errors.Add($"specialHours[{i}].date", "A special day is between today and two years ahead.");
            }

            if (!d.Closed && (Minutes(d.Open) is not { } open || Minutes(d.Close) is not { } close || close <= open || open == 1440))
            {
                errors.Add($"specialHours[{i}].close", "A special day is closed, or open HH:mm to a later HH:mm.");
            }

            read.Add(new SpecialDay { Date = d.Date, Closed = d.Closed, Open = d.Closed ? null : d.Open, Close = d.Closed ? null : d.Close });
        }

        if (read.GroupBy(d => d.Date).Any(g => g.Count() > 1))
        {
            errors.Add("specialHours", "Each date appears once.");
        }

        return read.OrderBy(d => d.Date).ToList();
    }

    public async Task<Result> RequestSyncAsync(Guid? stationId, CancellationToken cancellationToken)
    {
        var linked = db.BusinessLocations.Where(l => l.ConnectionId != null && (stationId == null || l.StationId == stationId));
        if (!await linked.AnyAsync(cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.GoogleNotLinked, "No station is linked to a Business Profile location.", "Link a station's location first.");
        }

        await linked.ExecuteUpdateAsync(l => l.SetProperty(x => x.SyncStatus, CalendarSyncStatus.Queued), cancellationToken);
        db.Publish(new GoogleSyncRequested("business_profile", stationId), clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    // ---- Reviews ----

    private IQueryable<GoogleReviewDto> Project(IQueryable<GoogleReview> reviews) =>
        from r in reviews
        join s in db.Stations on r.StationId equals s.Id
        select new GoogleReviewDto(r.Id, r.StationId, s.Name, r.Reviewer, r.Rating, r.Comment, r.CreatedAt, r.ReplyText, r.RepliedAt, r.Draft, r.DraftSource,
            r.ReplyStatus == ReplyStatus.None ? "none" : r.ReplyStatus == ReplyStatus.Draft ? "draft" : r.ReplyStatus == ReplyStatus.Approved ? "approved"
                : r.ReplyStatus == ReplyStatus.Posted ? "posted" : "failed",
            r.ReplyError, r.Rating <= NegativeAtMost && r.ReplyText == null);

    public async Task<Result<PagedList<GoogleReviewDto>>> ReviewsAsync(GoogleReviewQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        if (query.MaxRating is not (null or >= 1 and <= 5))
        {
            errors.Add("maxRating", "1 to 5.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var reviews = db.GoogleReviews.AsNoTracking().Where(r => query.StationId == null || r.StationId == query.StationId);
        if (query.NeedsAttention == true)
        {
            reviews = reviews.Where(r => r.Rating <= NegativeAtMost && r.ReplyText == null);
        }

        if (query.MaxRating is { } max)
        {
            reviews = reviews.Where(r => r.Rating <= max);
        }

        var count = await Paging.CountAsync(reviews, cancellationToken);
        var items = await Project(reviews.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return Paging.Page(items, page, pageSize, count);
    }

    private async Task<Result<GoogleReviewDto>> DtoAsync(Guid id, CancellationToken cancellationToken) =>
        await Project(db.GoogleReviews.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } dto ? dto : Failure.NotFound("Google review");

    public async Task<Result<GoogleReviewDto>> SaveDraftAsync(Guid id, ReviewReplyRequest request, CancellationToken cancellationToken)
    {
        var review = await db.GoogleReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return Failure.NotFound("Google review");
        }

        var text = Text.Clean(request.Text);
        if (text is null || System.Text.Encoding.UTF8.GetByteCount(text) > ReviewReplyWriter.MaxLength)
        {
            return Failure.Invalid("text", "A reply is some text, at most 4096 bytes (Google's limit).");
        }

        review.Draft = text;
        review.DraftSource = "staff";
        review.ReplyStatus = ReplyStatus.Draft;
        review.ReplyError = null;
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(id, cancellationToken);
    }

    /// <summary>A fresh draft: <c>template</c> by stars, or <c>ai</c> (the LLM when configured, else the rules).</summary>
    public async Task<Result<GoogleReviewDto>> DraftAsync(Guid id, string? kind, CancellationToken cancellationToken)
    {
        if (kind is not ("template" or "ai"))
        {
            return Failure.Invalid("kind", "template or ai.");
        }

        var review = await db.GoogleReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return Failure.NotFound("Google review");
        }

        var station = await db.Stations.Where(s => s.Id == review.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
        (review.Draft, review.DraftSource) = kind == "template"
            ? (ReviewReplyWriter.Template(review.Reviewer, review.Rating, station), "template")
            : await writer.DraftAsync(review.Reviewer, review.Rating, review.Comment, station, cancellationToken);
        review.ReplyStatus = ReplyStatus.Draft;
        review.ReplyError = null;
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(id, cancellationToken);
    }

    /// <summary>Staff approve the draft: the Workers post it to Google. Nothing is posted without this.</summary>
    public async Task<Result<GoogleReviewDto>> ApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.GoogleReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return Failure.NotFound("Google review");
        }

        if (string.IsNullOrWhiteSpace(review.Draft))
        {
            return Failure.Invalid("text", "Write or draft a reply first.");
        }

        if (review.ReplyStatus == ReplyStatus.Approved)
        {
            return await DtoAsync(id, cancellationToken); // already on its way
        }

        review.ReplyStatus = ReplyStatus.Approved;
        review.ApprovedBy = actor.UserId;
        review.ReplyError = null;
        db.Publish(new ReviewReplyApproved(review.Id), clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(id, cancellationToken);
    }

    public async Task<RatingOverviewDto> OverviewAsync(CancellationToken cancellationToken)
    {
        var site = await db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Published)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(r => r.Rating) }).FirstOrDefaultAsync(cancellationToken);
        var google = await db.GoogleReviews.AsNoTracking()
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(r => r.Rating), Open = g.Count(r => r.Rating <= NegativeAtMost && r.ReplyText == null) })
            .FirstOrDefaultAsync(cancellationToken);
        int siteCount = site?.Count ?? 0, siteSum = site?.Sum ?? 0, googleCount = google?.Count ?? 0, googleSum = google?.Sum ?? 0;
        decimal? Avg(int sum, int count) => count == 0 ? null : ReviewRules.Average(sum, count);
        return new RatingOverviewDto(siteCount, Avg(siteSum, siteCount), googleCount, Avg(googleSum, googleCount), siteCount + googleCount,
            Avg(siteSum + googleSum, siteCount + googleCount), google?.Open ?? 0);
    }

    // ---- For the Workers ----

    public async Task<IReadOnlyList<BusinessSyncTargetDto>> TargetsAsync(Guid? stationId, CancellationToken cancellationToken)
    {
        var rows = await (from l in db.BusinessLocations.AsNoTracking()
                          join s in db.Stations on l.StationId equals s.Id
                          where l.ConnectionId != null && l.AccountId != null && l.LocationId != null && (stationId == null || l.StationId == stationId)
                          select new { l, s.TimeZone }).ToListAsync(cancellationToken);
        return rows.Select(x => new BusinessSyncTargetDto(x.l.StationId, x.l.ConnectionId!.Value, x.l.AccountId!, x.l.LocationId!, x.TimeZone,
            x.l.RegularHours.Select(ToDto).ToList(), x.l.SpecialHours.Select(ToDto).ToList(), x.l.HoursPending)).ToList();
    }

    public async Task<Result<GoogleReviewsResult>> IngestReviewsAsync(Guid stationId, GoogleReviewsReport report, CancellationToken cancellationToken)
    {
        var location = await db.BusinessLocations.FirstOrDefaultAsync(l => l.StationId == stationId, cancellationToken);
        if (location is null)
        {
            return Failure.NotFound("Business Profile location");
        }

        var errors = new ValidationErrors();
        errors.MaxLength("error", report.Error, 500);
        var items = report.Reviews ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrEmpty(items[i].ReviewId) || items[i].ReviewId.Length > 300 || items[i].Rating is < 1 or > 5)
            {
                errors.Add($"reviews[{i}]", "A review has its id (up to 300 characters) and 1 to 5 stars.");
            }
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.Now();
        if (report.Error is { } failed)
        {
            location.SyncStatus = CalendarSyncStatus.Failed;
            location.LastError = failed;
            await db.SaveChangesAsync(cancellationToken);
            return new GoogleReviewsResult(0, []);
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == stationId, cancellationToken);
        var ids = items.Select(i => i.ReviewId).ToList();
        var stored = await db.GoogleReviews.Where(r => r.StationId == stationId && ids.Contains(r.ReviewId)).ToDictionaryAsync(r => r.ReviewId, cancellationToken);
        var fresh = new List<GoogleReview>();
        foreach (var item in items)
        {
            if (!stored.TryGetValue(item.ReviewId, out var review))
            {
                review = new GoogleReview { StationId = stationId, ReviewId = item.ReviewId, FirstSeenAt = now };
                db.GoogleReviews.Add(review);
                stored[item.ReviewId] = review;
                fresh.Add(review);
            }

            review.Reviewer = TextLimits.Clip(Text.Clean(item.Reviewer), 200) ?? "A Google user";
            review.Rating = item.Rating;
            review.Comment = TextLimits.Clip(item.Comment, 10_000);
            review.CreatedAt = item.CreatedAt.ToUniversalTime();
            review.UpdatedAt = item.UpdatedAt.ToUniversalTime();
            review.ReplyText = TextLimits.Clip(item.Reply, 4096);
            review.RepliedAt = item.RepliedAt?.ToUniversalTime();
            if (review.ReplyText is not null && review.ReplyStatus is ReplyStatus.None)
            {
                review.ReplyStatus = ReplyStatus.Posted; // answered on Google directly
            }
            else if (review.ReplyText is null && review.ReplyStatus == ReplyStatus.None)
            {
                // Every unanswered review starts with a template draft staff can approve as it is, or change.
                review.Draft = ReviewReplyWriter.Template(review.Reviewer, review.Rating, station.Name);
                review.DraftSource = "template";
                review.ReplyStatus = ReplyStatus.Draft;
            }
        }

        location.AverageRating = report.AverageRating is { } average ? Math.Round(average, 2) : location.AverageRating;
        location.TotalReviewCount = report.TotalReviewCount ?? location.TotalReviewCount;
        location.SyncStatus = CalendarSyncStatus.Ok;
        location.LastSyncedAt = now;
        location.LastError = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var negativeIds = fresh.Where(r => r.Rating <= NegativeAtMost && r.ReplyText is null).Select(r => r.Id).ToList();
        var negative = negativeIds.Count == 0 ? [] : await Project(db.GoogleReviews.AsNoTracking().Where(r => negativeIds.Contains(r.Id))).ToListAsync(cancellationToken);
        if (negative.Count > 0)
        {
            // Committed with the reviews: staff hear of a new negative review even if the mail server is down at this moment.
            db.Publish(new NegativeGoogleReviews(negative), now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new GoogleReviewsResult(items.Count, negative);
    }

    public async Task<Result> ReportHoursAsync(Guid stationId, BusinessHoursReport report, CancellationToken cancellationToken)
    {
        var location = await db.BusinessLocations.FirstOrDefaultAsync(l => l.StationId == stationId, cancellationToken);
        if (location is null)
        {
            return Failure.NotFound("Business Profile location");
        }

        location.HoursError = TextLimits.Clip(report.Error, 500);
        if (report.Error is null)
        {
            location.HoursPending = false;
            location.HoursPushedAt = clock.Now();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<ReviewReplyPostDto>> ReplyToPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (from r in db.GoogleReviews.AsNoTracking()
                         join l in db.BusinessLocations on r.StationId equals l.StationId
                         where r.Id == id
                         select new { r, l }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Failure.NotFound("Google review");
        }

        if (row.r.ReplyStatus != ReplyStatus.Approved || row.r.Draft is null || row.l.ConnectionId is null)
        {
            return Failure.Conflict(ProblemCodes.GoogleNotLinked, "This reply is not waiting to be posted.");
        }

        return new ReviewReplyPostDto(row.r.Id, row.l.ConnectionId.Value, row.l.AccountId!, row.l.LocationId!, row.r.ReviewId, row.r.Draft);
    }

    public async Task<Result> ReportReplyAsync(Guid id, ReviewReplyReport report, CancellationToken cancellationToken)
    {
        var review = await db.GoogleReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return Failure.NotFound("Google review");
        }

        if (report.Posted)
        {
            review.ReplyText = review.Draft;
            review.RepliedAt = clock.Now();
            review.ReplyStatus = ReplyStatus.Posted;
            review.ReplyError = null;
        }
        else
        {
            review.ReplyStatus = ReplyStatus.Failed;
            review.ReplyError = TextLimits.Clip(report.Error, 500) ?? "Google refused the reply.";
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    [GeneratedRegex("^[0-9]{1,40}$")]
    private static partial Regex Digits();
}
