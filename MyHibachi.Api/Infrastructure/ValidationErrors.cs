using System.Net.Mail;
using System.Text.RegularExpressions;

using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Infrastructure;

/// <summary>
/// Collects field-level messages (keys are the JSON field paths the client sent) for an RFC 9457
/// validation problem.
/// </summary>
public sealed partial class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Takes in every message of another check (e.g. the pricing engine's), under the same field keys.</summary>
    public ValidationErrors AddAll(ValidationErrors other)
    {
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }

        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IEnumerable<string> Messages => _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));

    /// <summary>Present, not blank, at most <paramref name="maxLength"/> characters.</summary>
    public bool Required(string field, string? value, int maxLength, string? label = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label ?? "This field"} is required.");
            return false;
        }

        return MaxLength(field, value, maxLength);
    }

    public bool MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters (got {value.Length}).");
            return false;
        }

        return true;
    }

    public bool Email(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "An email address is required.");
            }

            return !required;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim() || !value.Contains('.', StringComparison.Ordinal))
        {
            Add(field, "Enter a valid email address, like name@example.com.");
            return false;
        }

        return true;
    }

    public bool Phone(string field, string? value, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "A phone number is required.");
            }

            return !required;
        }

        var digits = value.Count(char.IsAsciiDigit);
        if (value.Length > 32 || !PhonePattern().IsMatch(value) || digits is < 10 or > 15)
        {
            Add(field, "Enter a valid phone number, like (404) 555-0123.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A contract enum from a query string or body as the entity twin; null (with an error) when the
    /// value is not a member (query strings bind numbers such as "99" into any enum).
    /// </summary>
    public TEntity? Member<TContract, TEntity>(string field, TContract? value, Func<TContract, TEntity> toEntity)
        where TContract : struct, Enum where TEntity : struct, Enum
    {
        if (value is not { } given)
        {
            return null;
        }

        if (!Enum.IsDefined(given))
        {
            Add(field, $"Use one of {string.Join(", ", Enum.GetNames<TContract>())}.");
            return null;
        }

        return toEntity(given);
    }

    /// <summary>The earliest and latest instants any date filter or field may name.</summary>
    public static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestInstant = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An instant between 2000 and 2200: the ends of the calendar (year 1, year 9999) make date
    /// arithmetic and time-zone conversion overflow, and no booking lives there.
    /// </summary>
    public bool Instant(string field, DateTimeOffset? value)
    {
        if (value is { } instant && (instant < EarliestInstant || instant > LatestInstant))
        {
            Add(field, "Use a date between the years 2000 and 2200.");
            return false;
        }

        return true;
    }

    /// <summary>A calendar date between 2000 and 2200 (see <see cref="Instant"/>).</summary>
    public bool Date(string field, DateOnly? value)
    {
        if (value is { } date && (date.Year < EarliestInstant.Year || date >= DateOnly.FromDateTime(LatestInstant.UtcDateTime)))
        {
            Add(field, "Use a date between the years 2000 and 2200.");
            return false;
        }

        return true;
    }

    public bool Range(string field, int value, int min, int max, string? label = null)
    {
        if (value < min || value > max)
        {
            Add(field, $"{label ?? "Value"} must be between {min} and {max}.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Checks a person's name, e-mail and phone and copies the valid ones onto <paramref name="person"/>:
    /// all are needed when creating (the phone is always optional); when changing, only those sent.
    /// </summary>
    public void ApplyPerson(IPerson person, bool creating, string? firstName, string? lastName, string? email, string? phone)
    {
        if ((creating || firstName is not null) && Required("firstName", firstName, 100, "First name"))
        {
            person.FirstName = firstName!.Trim();
        }

        if ((creating || lastName is not null) && Required("lastName", lastName, 100, "Last name"))
        {
            person.LastName = lastName!.Trim();
        }

        if ((creating || email is not null) && Email("email", email))
        {
            person.Email = email!.Trim().ToLowerInvariant();
        }

        if (phone is not null && Phone("phone", phone))
        {
            person.Phone = Text.Clean(phone);
        }
    }

    [GeneratedRegex(@"^\+?[0-9 ().\-]+$")]
    private static partial Regex PhonePattern();
}
