using System.Text.RegularExpressions;

namespace MyHibachi.Api.Features.Reviews;

/// <summary>
/// The plain rules of reviews: the automatic screening for spam and abuse, the name shown for the
/// author, and the rating summary's arithmetic. No database, no clock.
/// </summary>
public static partial class ReviewRules
{
    public const int MinBodyLength = 10;

    public const int MaxBodyLength = 5000;

    public const int MaxTitleLength = 120;

    public const int MaxPhotosPerReview = 6;

    /// <summary>Uploads per booking, attached or not (a review's photos plus a few changed minds).</summary>
    public const int MaxUploadsPerBooking = 12;

    private static readonly string[] AbusiveWords =
    [
        "fuck", "fucking", "shit", "bitch", "bastard", "asshole", "cunt", "dick", "motherfucker", "retard", "whore", "slut",
    ];

    private static readonly string[] AdvertisingPhrases =
    [
        "buy now", "click here", "free money", "casino", "viagra", "crypto", "bitcoin", "forex", "payday loan", "seo services",
        "work from home", "earn $", "promo code", "discount code", "follow me", "dm me", "whatsapp me",
    ];

    /// <summary>Why a review should wait for a person before anyone sees it; empty when nothing was found.</summary>
    public static IReadOnlyList<string> Screen(string? title, string body)
    {
        var text = $"{title} {body}".Trim();
        var lower = text.ToLowerInvariant();
        var reasons = new List<string>();
        if (LinkPattern().IsMatch(text))
        {
            reasons.Add("Contains a link.");
        }

        if (EmailPattern().IsMatch(text) || PhoneDigits().Matches(text).Any(m => m.Value.Count(char.IsDigit) >= 10))
        {
            reasons.Add("Contains an e-mail address or a phone number.");
        }

        var words = WordPattern().Matches(lower).Select(m => m.Value).ToList();
        if (words.Any(w => AbusiveWords.Contains(w)))
        {
            reasons.Add("Contains abusive language.");
        }

        if (AdvertisingPhrases.Any(lower.Contains))
        {
            reasons.Add("Looks like advertising.");
        }

        var letters = text.Where(char.IsLetter).ToList();
        if (letters.Count >= 20 && letters.Count(char.IsUpper) > letters.Count * 0.7)
        {
            reasons.Add("Written in capitals.");
        }

        if (RepeatedCharacter().IsMatch(text) || words.GroupBy(w => w).Any(g => g.Key.Length > 1 && g.Count() >= 6 && g.Count() > words.Count / 3))
        {
            reasons.Add("Repeats the same characters or words.");
        }

        return reasons;
    }

    /// <summary>"Maria G.": a first name and the initial of the last, so a review does not publish a surname.</summary>
    public static string AuthorName(string firstName, string lastName)
    {
        var first = firstName.Trim();
        var last = lastName.Trim();
        return last.Length == 0 ? first : $"{first} {char.ToUpperInvariant(last[0])}.";
    }

    /// <summary>The average of whole stars, exact to two places (rounded half away from zero).</summary>
    public static decimal Average(int sum, int count) =>
        count == 0 ? 0m : Math.Round((decimal)sum / count, 2, MidpointRounding.AwayFromZero);

    public static RatingSummaryDto Summary(IEnumerable<(int Rating, int Count)> perStar)
    {
        var distribution = Enumerable.Range(1, 5).ToDictionary(star => star, _ => 0);
        foreach (var (rating, count) in perStar)
        {
            distribution[rating] += count;
        }

        var total = distribution.Values.Sum();
        var sum = distribution.Sum(pair => pair.Key * pair.Value);
        return new RatingSummaryDto(total, sum, Average(sum, total), distribution);
    }

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]+\.(com|net|org|ru|xyz|info|biz|io|co|top|shop)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+?\d[\d\s().-]{8,}\d")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(.)\1{7,}")]
    private static partial Regex RepeatedCharacter();
}
