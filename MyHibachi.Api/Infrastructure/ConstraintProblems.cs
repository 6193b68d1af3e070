using System.Collections.Frozen;

namespace MyHibachi.Api.Infrastructure;

/// <summary>What the Api answers when a write breaks a named database constraint.</summary>
public sealed record ConstraintProblem(string Constraint, Failure Failure);

/// <summary>
/// The constraint-to-problem table the exception handler reads. Each feature registers the
/// constraints it owns (<see cref="AddConstraintProblem"/>), so a new unique index or exclusion
/// constraint gets its own clear answer without touching the handler.
/// </summary>
public sealed class ConstraintProblems(IEnumerable<ConstraintProblem> registered)
{
    private readonly FrozenDictionary<string, Failure> _byConstraint = registered.ToFrozenDictionary(p => p.Constraint, p => p.Failure, StringComparer.Ordinal);

    public Failure? For(string? constraint) => constraint is not null && _byConstraint.TryGetValue(constraint, out var failure) ? failure : null;
}

public static class ConstraintProblemRegistration
{
    public static IServiceCollection AddConstraintProblem(this IServiceCollection services, string constraint, Failure failure)
    {
        services.AddSingleton(new ConstraintProblem(constraint, failure));
        return services;
    }
}
