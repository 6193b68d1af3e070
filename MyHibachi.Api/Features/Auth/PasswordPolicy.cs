using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Auth;

/// <summary>Length over complexity (NIST 800-63B): 10–128 characters, not a common or guessable password.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password123", "password1234", "1234567890", "12345678910", "qwertyuiop", "iloveyou123", "letmein123", "welcome123",
        "administrator", "passw0rd123", "myhibachi123", "hibachi1234", "abcdefghij", "0987654321", "1q2w3e4r5t", "qwerty12345",
    };

    public static void Check(string field, string? password, string? email, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "Choose a password.");
            return;
        }

        if (password.Length is < MinLength or > MaxLength)
        {
            errors.Add(field, $"Use {MinLength} to {MaxLength} characters; a short phrase works well.");
        }
        else if (Common.Contains(password) || password.Distinct().Count() < 4)
        {
            errors.Add(field, "This password is too easy to guess.");
        }
        else if (email is not null && email.Split('@')[0] is { Length: >= 4 } local && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "Do not put your e-mail address in your password.");
        }
    }
}
