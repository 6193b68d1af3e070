using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using MyHibachi.Api.Features.Assistant.Llm;

namespace MyHibachi.Api.Features.Google;

/// <summary>
/// Drafts replies to Google reviews for staff to approve. A template by stars; or an "AI" draft: from the
/// configured LLM (Semantic Kernel chat completion, the assistant's endpoint) when there is one, else from
/// explicit rules that answer what the review talks about (timing, food, staff, price, cancellation). An LLM
/// draft that states a number the review does not, or fails, or is too long, falls back to the rules.
/// </summary>
public sealed partial class ReviewReplyWriter(IOptions<LlmOptions> llm, IHttpClientFactory http, ILogger<ReviewReplyWriter> logger)
{
    public const int MaxLength = 4096;

    public static string Template(string reviewer, int rating, string stationName)
    {
        var name = FirstName(reviewer);
        return rating switch
        {
            <= 2 when name is null => $"We're sorry your party did not go as it should have. This is not the experience we want for anyone. Please contact us directly so we can understand what happened and make it right. – {Team(stationName)}",
            >= 4 => $"Thank you, {name ?? "so much"}! We're so glad you and your guests enjoyed the show. It was a pleasure cooking for you, and we hope to fire up the grill for you again soon. – {Team(stationName)}",
            3 => $"Thank you for the feedback{(name is null ? "" : ", " + name)}. We're glad parts of the night went well and we'd love to hear what would have made it a five-star party. Please reach out to us directly. – {Team(stationName)}",
            _ => $"{name}, we're sorry your party did not go as it should have. This is not the experience we want for anyone. Please contact us directly so we can understand what happened and make it right. – {Team(stationName)}",
        };
    }

    private static readonly (Regex Pattern, string Sentence)[] Topics =
    [
        (TimingPattern(), "We're sorry about the timing: arriving late or keeping you waiting is not acceptable, and we are reviewing how our chef's schedule was planned."),
        (FoodPattern(), "We're sorry the food was not what it should be; our chefs cook everything fresh on site and we will follow up with the chef on what went wrong."),
        (StaffPattern(), "How our chef treated you matters as much as the food, and we will address it with them directly."),
        (PricePattern(), "We want every party to feel worth it; our team can go through the invoice with you line by line."),
        (CancelPattern(), "We're sorry about the trouble with your booking changes; our team will look at your booking personally."),
        (PraisePattern(), "Thank you for the kind words about our chef; we'll make sure they hear them."),
    ];

    /// <summary>A reply that answers what the review is about, by rules (no LLM).</summary>
    public static string Rules(string reviewer, int rating, string? comment, string stationName)
    {
        var text = comment ?? "";
        var said = Topics.Where(t => t.Pattern.IsMatch(text)).Select(t => t.Sentence).Where(s => rating >= 4 ? s.StartsWith("Thank", StringComparison.Ordinal) : !s.StartsWith("Thank", StringComparison.Ordinal)).ToList();
        var name = FirstName(reviewer);
        var opening = rating >= 4 ? $"Thank you, {name ?? "so much"}!"
            : rating == 3 ? $"Thank you for the honest feedback{(name is null ? "" : ", " + name)}."
            : name is null ? "Thank you for telling us, and we're sorry." : $"{name}, thank you for telling us, and we're sorry.";
        var closing = rating >= 4
            ? "We hope to cook for you again soon."
            : "Please contact us directly so we can make this right.";
        return string.Join(' ', new[] { opening }.Concat(said).Append(closing).Append($"– {Team(stationName)}"));
    }

    public async Task<(string Text, string Source)> DraftAsync(string reviewer, int rating, string? comment, string stationName, CancellationToken cancellationToken)
    {
        var settings = llm.Value;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(comment))
        {
            return (Rules(reviewer, rating, comment, stationName), "rules");
        }

        try
        {
            var kernel = Kernel.CreateBuilder()
                .AddOpenAIChatCompletion(settings.Model!, new Uri(settings.Endpoint!), settings.ApiKey ?? "not-needed", httpClient: http.CreateClient(ReplyPhraser.HttpClientName))
                .Build();
            var history = new ChatHistory(
                $"You write the owner's public reply to a Google review of {Team(stationName)[4..^5]}, a mobile hibachi catering business. " +
                "Be warm, specific to what the reviewer said, and brief (at most four sentences). Never offer refunds, discounts or numbers. " +
                "For a negative review, apologise and invite them to contact the business directly. Sign as the MyHibachi team.");
            history.AddUserMessage($"Reviewer: {FirstName(reviewer) ?? "anonymous"}\nStars: {rating} of 5\nReview: {comment}");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, cancellationToken: timeout.Token);
            var text = reply.Content?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > MaxLength || ReplyPhraser.UngroundedNumbers(text, [comment, stationName, rating.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Count > 0)
            {
                logger.LogWarning("The LLM's review reply was empty, too long or stated numbers the review did not; the rules draft is used.");
                return (Rules(reviewer, rating, comment, stationName), "rules");
            }

            return (text, "ai");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The LLM did not draft the review reply ({Error}); the rules draft is used.", exception.Message);
            return (Rules(reviewer, rating, comment, stationName), "rules");
        }
    }

    /// <summary>"The MyHibachi Atlanta team", whether or not the station's name already says MyHibachi.</summary>
    public static string Team(string stationName) =>
        stationName.StartsWith("MyHibachi", StringComparison.OrdinalIgnoreCase) ? $"The {stationName} team" : $"The MyHibachi {stationName} team";

    /// <summary>The reviewer's first name, or null for an anonymous reviewer.</summary>
    private static string? FirstName(string reviewer)
    {
        var first = reviewer.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) || reviewer == "A Google user" ? null : first;
    }

    [GeneratedRegex(@"\b(late|wait(ed|ing)?|hour|delay(ed)?|on time|never showed|no[- ]show)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimingPattern();

    [GeneratedRegex(@"\b(food|cold|raw|undercooked|overcooked|bland|taste[ds]?|salty|portion|rice|steak|shrimp|chicken)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FoodPattern();

    [GeneratedRegex(@"\b(rude|attitude|unprofessional|chef was|disrespect\w*|mean)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StaffPattern();

    [GeneratedRegex(@"\b(price|expensive|overpriced|cost|charge[ds]?|fee)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PricePattern();

    [GeneratedRegex(@"\b(cancel\w*|reschedul\w*|refund\w*|deposit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelPattern();

    [GeneratedRegex(@"\b(amazing|awesome|great|fantastic|fun|loved|best|entertaining|show)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PraisePattern();
}
