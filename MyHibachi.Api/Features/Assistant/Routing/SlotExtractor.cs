using System.Globalization;
using System.Text.RegularExpressions;

namespace MyHibachi.Api.Features.Assistant.Routing;

/// <summary>The facts a message states, each null when the message does not state it.</summary>
public sealed record ExtractedSlots
{
    public int? Adults { get; init; }

    public int? Children { get; init; }

    public string? Zip { get; init; }

    public double? Miles { get; init; }

    public DateOnly? Date { get; init; }

    public string? Time { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Street { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Reference { get; init; }

    public IReadOnlyList<string> Allergies { get; init; } = [];

    public IReadOnlyList<string> Diets { get; init; } = [];

    public IReadOnlyList<string> MenuCodes { get; init; } = [];

    /// <summary>True for "yes", false for "no", null for neither.</summary>
    public bool? Answer { get; init; }
}

/// <summary>
/// Reads dates, times, guest counts, ZIP codes, contact details, allergies and menu items out of a
/// chat message. Pure and culture-invariant: "today" is passed in (the station's local date), so
/// "next Saturday" means the same thing in a test as in production.
/// </summary>
public static partial class SlotExtractor
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["dozen"] = 12, ["a dozen"] = 12,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Allergens as the menu names them, and the words customers use for them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllergenWords = new Dictionary<string, string[]>
    {
        ["shellfish"] = ["shellfish", "shell fish", "crustacean", "shrimp allerg", "allergic to shrimp", "lobster allerg", "allergic to lobster", "scallop allerg"],
        ["fish"] = ["fish allerg", "allergic to fish", "salmon allerg", "allergic to salmon", "finned fish"],
        ["gluten"] = ["gluten", "celiac", "coeliac", "wheat", " gf "],
        ["soy"] = ["soy", "soya"],
        ["dairy"] = ["dairy", "lactose", "milk", "butter"],
        ["egg"] = ["egg"],
        ["sesame"] = ["sesame"],
        ["peanut"] = ["peanut"],
        ["tree_nut"] = ["tree nut", "treenut", "nut allerg", "allergic to nuts", "nuts", "almond", "cashew", "walnut", "pecan"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> DietWords = new Dictionary<string, string[]>
    {
        ["vegan"] = ["vegan", "plant based", "plant-based"],
        ["vegetarian"] = ["vegetarian", "veggie only", "no meat"],
        ["gluten_free"] = ["gluten free", "gluten-free", "glutenfree", " gf ", "celiac", "coeliac"],
        ["halal"] = ["halal"],
        ["kosher"] = ["kosher"],
        ["pescatarian"] = ["pescatarian", "pescetarian"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> MenuWords = new Dictionary<string, string[]>
    {
        ["chicken"] = ["chicken"],
        ["steak"] = ["steak", "sirloin", "ny strip"],
        ["shrimp"] = ["shrimp", "prawn"],
        ["salmon"] = ["salmon"],
        ["tofu"] = ["tofu"],
        ["vegetable_medley"] = ["vegetable medley", "veggie medley", "veggies", "vegetables"],
        ["filet_mignon"] = ["filet", "fillet", "mignon", "tenderloin"],
        ["scallops"] = ["scallop"],
        ["lobster_tail"] = ["lobster"],
        ["extra_protein"] = ["third protein", "3rd protein", "extra protein"],
        ["yakisoba_noodles"] = ["noodle", "yakisoba", "lo mein"],
        ["gyoza"] = ["gyoza", "dumpling", "potsticker"],
        ["edamame"] = ["edamame"],
        ["fried_rice_upgrade"] = ["garlic butter", "fried rice upgrade", "garlic rice"],
    };

    public static ExtractedSlots Extract(string message, DateOnly today, string? askedFor = null)
    {
        var text = " " + message.Trim() + " ";
        var lower = text.ToLowerInvariant();
        var email = EmailPattern().Match(text) is { Success: true } e ? e.Value.ToLowerInvariant() : null;
        var phone = PhonePattern().Match(text) is { Success: true } p ? NormalizePhone(p.Value) : null;
        var withoutContact = PhonePattern().Replace(EmailPattern().Replace(text, " "), " ");
        var (street, city, state, addressZip) = Address(withoutContact);
        var zipMatch = ZipPattern().Match(withoutContact);
        var zip = addressZip ?? (zipMatch.Success ? zipMatch.Groups["zip"].Value : null);
        var (adults, children) = Guests(lower, askedFor);
        var (first, last) = Name(text, askedFor);
        return new ExtractedSlots
        {
            Adults = adults,
            Children = children,
            Zip = zip,
            Miles = MilesPattern().Match(lower) is { Success: true } m ? double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null,
            Date = Date(lower, today),
            Time = Time(lower, askedFor),
            Email = email,
            Phone = phone,
            FirstName = first,
            LastName = last,
            Street = street,
            City = city,
            State = state,
            Reference = ReferencePattern().Match(text) is { Success: true } r ? r.Value.ToUpperInvariant() : null,
            Allergies = Find(lower, AllergenWords),
            Diets = Find(lower, DietWords),
            MenuCodes = Find(lower, MenuWords),
            Answer = YesPattern().IsMatch(lower) ? true : NoPattern().IsMatch(lower) ? false : null,
        };
    }

    private static IReadOnlyList<string> Find(string lower, IReadOnlyDictionary<string, string[]> words) =>
        words.Where(w => w.Value.Any(lower.Contains)).Select(w => w.Key).ToList();

    private static (int? Adults, int? Children) Guests(string lower, string? askedFor)
    {
        int? adults = null, children = null;
        foreach (Match match in GuestPattern().Matches(lower))
        {
            var n = Number(match.Groups["n"].Value);
            if (n is null or <= 0 or > 500)
            {
                continue;
            }

            var kind = match.Groups["kind"].Value;
            if (kind.StartsWith("kid", StringComparison.Ordinal) || kind.StartsWith("child", StringComparison.Ordinal))
            {
                children = (children ?? 0) + n;
            }
            else if (kind is "adults" or "adult" or "grown ups" or "grownups")
            {
                adults = (adults ?? 0) + n;
            }
            else
            {
                adults ??= n;
            }
        }

        if (adults is null && PartyOfPattern().Match(lower) is { Success: true } party && Number(party.Groups["n"].Value) is { } total and > 0 and <= 500)
        {
            adults = total;
        }

        if (adults is not null && children is not null && GuestTotalPattern().IsMatch(lower))
        {
            // "20 people including 5 kids": the 20 is everyone.
            adults -= children;
        }

        if (adults is null && children is null && askedFor == "guests" && BareNumberPattern().Match(lower) is { Success: true } bare
            && Number(bare.Groups["n"].Value) is { } only and > 0 and <= 500)
        {
            adults = only;
        }

        return (adults, children);
    }

    private static int? Number(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Words.TryGetValue(token.Trim(), out var w) ? w : null;

    private static DateOnly? Date(string lower, DateOnly today)
    {
        if (IsoDatePattern().Match(lower) is { Success: true } iso
            && DateOnly.TryParseExact(iso.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
        {
            return isoDate;
        }

        if (SlashDatePattern().Match(lower) is { Success: true } slash)
        {
            var month = int.Parse(slash.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(slash.Groups["d"].Value, CultureInfo.InvariantCulture);
            var year = slash.Groups["y"].Success ? int.Parse(slash.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            if (year is < 100)
            {
                year += 2000;
            }

            return Calendar(today, month, day, year);
        }

        if (MonthDayPattern().Match(lower) is { Success: true } md)
        {
            var month = Array.IndexOf(Months, md.Groups["mon"].Value[..3]) + 1;
            var day = int.Parse(md.Groups["d"].Value, CultureInfo.InvariantCulture);
            var year = md.Groups["y"].Success ? int.Parse(md.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return Calendar(today, month, day, year);
        }

        if (DayMonthPattern().Match(lower) is { Success: true } dm)
        {
            var month = Array.IndexOf(Months, dm.Groups["mon"].Value[..3]) + 1;
            return Calendar(today, month, int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture), null);
        }

        if (lower.Contains(" today", StringComparison.Ordinal) || lower.Contains("tonight", StringComparison.Ordinal))
        {
            return today;
        }

        if (lower.Contains("tomorrow", StringComparison.Ordinal) || lower.Contains("tmrw", StringComparison.Ordinal))
        {
            return today.AddDays(1);
        }

        if (WeekdayPattern().Match(lower) is { Success: true } weekday)
        {
            var target = Enum.GetValues<DayOfWeek>().First(d => d.ToString().StartsWith(weekday.Groups["day"].Value[..3], StringComparison.OrdinalIgnoreCase));
            var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
            if (ahead == 0)
            {
                ahead = 7;
            }

            if (weekday.Groups["next"].Value == "next" && ahead < 7 && weekday.Groups["week"].Success)
            {
                ahead += 7;
            }

            return today.AddDays(ahead);
        }

        return null;
    }

    /// <summary>A month and day without a year is the next time that date comes round.</summary>
    private static DateOnly? Calendar(DateOnly today, int month, int day, int? year)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        var y = year ?? today.Year;
        if (day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        if (year is null && date < today)
        {
            date = date.AddYears(1);
        }

        return date;
    }

    private static string? Time(string lower, string? askedFor)
    {
        if (lower.Contains("noon", StringComparison.Ordinal))
        {
            return "12:00";
        }

        if (ClockPattern().Match(lower) is { Success: true } clock)
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var half = clock.Groups["ap"].Value;
            if (hour > 23 || minute > 59)
            {
                return null;
            }

            if (half.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (half.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }
            else if (half.Length == 0 && hour is >= 1 and <= 9)
            {
                // "at 6" for a dinner party means the evening.
                hour += 12;
            }

            return $"{hour:00}:{minute:00}";
        }

        if (askedFor == "time" && BareNumberPattern().Match(lower) is { Success: true } bare && int.TryParse(bare.Groups["n"].Value, out var h) && h is >= 1 and <= 12)
        {
            return $"{(h < 10 ? h + 12 : h):00}:00";
        }

        return null;
    }

    private static (string? First, string? Last) Name(string text, string? askedFor)
    {
        var match = NamePattern().Match(text);
        string? raw = match.Success ? match.Groups["name"].Value : null;
        if (raw is null && askedFor == "name" && BareNamePattern().Match(text.Trim()) is { Success: true } bare)
        {
            raw = bare.Value;
        }

        if (raw is null)
        {
            return (null, null);
        }

        var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(p.ToLowerInvariant())).ToArray();
        return parts.Length switch
        {
            0 => (null, null),
            1 => (parts[0], null),
            _ => (parts[0], string.Join(' ', parts[1..])),
        };
    }

    private static (string? Street, string? City, string? State, string? Zip) Address(string text)
    {
        var match = AddressPattern().Match(text);
        if (!match.Success)
        {
            return (null, null, null, null);
        }

        static string? Value(Group g) => g.Success ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(g.Value.Trim().ToLowerInvariant()) : null;
        return (Value(match.Groups["street"]), Value(match.Groups["city"]), match.Groups["state"].Success ? match.Groups["state"].Value.ToUpperInvariant() : null,
            match.Groups["zip"].Success ? match.Groups["zip"].Value : null);
    }

    private static string NormalizePhone(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 11 && digits[0] == '1' ? "+" + digits : "+1" + digits;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)(\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![\d$.\-/])(?<zip>\d{5})(?:-\d{4})?(?![\d,.]\d|\s*(?:miles|mi\b|dollars|people|guests|adults))")]
    private static partial Regex ZipPattern();

    [GeneratedRegex(@"(?<n>\d{1,4}(?:\.\d+)?)\s*(?:miles|mile|mi\b)")]
    private static partial Regex MilesPattern();

    [GeneratedRegex(@"\bmh-[a-z0-9]{6}\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a dozen|dozen)\s*(?:more\s+|total\s+|hungry\s+)?(?<kind>adults?|people|peeps|persons?|guests?|ppl|pax|folks|friends|of us|heads|kids?|children|child|grown ?ups)\b")]
    private static partial Regex GuestPattern();

    [GeneratedRegex(@"\b(?:party of|group of|for|feed|serve)\s+(?:about\s+|around\s+|like\s+|roughly\s+)?(?<n>\d{1,3}|ten|twelve|fifteen|twenty|thirty|forty|fifty)(?!\s*(?:\d|am|pm|:|/|miles|mi\b|dollars|bucks|minutes|hours|days|weeks|th|st|nd|rd))\b")]
    private static partial Regex PartyOfPattern();

    [GeneratedRegex(@"\b(?:including|incl\.?|of which|with)\s+\d+\s*(?:kids?|children)\b")]
    private static partial Regex GuestTotalPattern();

    [GeneratedRegex(@"^\s*(?:about\s+|around\s+)?(?<n>\d{1,3}|ten|twelve|fifteen|twenty|thirty|forty|fifty)\s*[.!]?\s*$")]
    private static partial Regex BareNumberPattern();

    [GeneratedRegex(@"\b(?<y>20\d{2})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<![\d/])(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12]\d|0?[1-9])(?:/(?<y>\d{4}|\d{2}))?(?![\d/])")]
    private static partial Regex SlashDatePattern();

    [GeneratedRegex(@"\b(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?<y>20\d{2}))?")]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b(?:(?<next>next|this|on)\s+)?(?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*\b(?<week>\s+week)?")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"(?:\bat\s+|@\s*|\b)(?<h>[01]?\d|2[0-3])(?::(?<m>[0-5]\d))?\s*(?<ap>a\.?m\.?|p\.?m\.?)(?![a-z])|\bat\s+(?<h>[01]?\d|2[0-3])(?::(?<m>[0-5]\d))?(?<ap>)(?!\s*(?:guests|people|adults|kids|miles|\d|/))\b|\b(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?<ap>)")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"\b(?:my name is|my name's|name is|this is|call me|name:)\s+(?<name>[A-Za-z][A-Za-z'\-]+(?:\s+[A-Za-z][A-Za-z'\-]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z'\-]+(?:\s+[A-Za-z][A-Za-z'\-]+){0,2}$")]
    private static partial Regex BareNamePattern();

    [GeneratedRegex(@"(?<street>\b\d{1,6}\s+(?:[A-Za-z0-9.'\-]+\s+){0,4}(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|way|ct|court|pl|place|pkwy|parkway|cir|circle|trl|trail|hwy|highway|ter|terrace|sq|square)\b\.?(?:\s+(?:apt|unit|suite|#)\s*[A-Za-z0-9\-]+)?)(?:\s*,\s*(?<city>[A-Za-z][A-Za-z.'\-]*(?:\s+[A-Za-z][A-Za-z.'\-]*){0,3}?)(?=\s*,?\s*[A-Za-z]{2}\b\s*(?:,?\s*\d{5})?\s*(?:$|[,.;!?])|\s*(?:,?\s*\d{5})?\s*(?:$|[,.;!?])))?(?:\s*,?\s*(?<state>[A-Za-z]{2})\b)?(?:\s*,?\s*(?<zip>\d{5}))?", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^\s*(?:yes|yep|yeah|yup|ya|sure|ok|okay|correct|confirm(?:ed)?|please do|do it|book it|go ahead|sounds good|absolutely|definitely|let's do it|y)\b")]
    private static partial Regex YesPattern();

    [GeneratedRegex(@"^\s*(?:no|nope|nah|not now|don't|do not|stop|never ?mind|n)\b")]
    private static partial Regex NoPattern();
}
