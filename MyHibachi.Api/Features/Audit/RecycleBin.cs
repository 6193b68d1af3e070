namespace MyHibachi.Api.Features.Audit;

/// <summary>One soft-deleted record as the recycle bin lists it.</summary>
public sealed record DeletedRow(string Type, Guid Id, string Label, DateTimeOffset DeletedAt, Guid? DeletedBy, string? Reason);

/// <summary>
/// A kind of record the recycle bin shows: its name, the SQL that lists its deleted rows as
/// (id, label, deleted_at, deleted_by, reason), and where one is restored. The bin unites every
/// type's rows in one query, so it sorts and pages in the database.
/// </summary>
public sealed record DeletableType(string Name, string DeletedRowsSql, Func<Guid, string> RestorePath);

public static class RecycleBinRegistration
{
    /// <summary>Puts a soft-deletable type in the recycle bin; the feature that owns the type calls this.</summary>
    public static IServiceCollection AddDeletableType(this IServiceCollection services, string name, string deletedRowsSql, Func<Guid, string> restorePath)
    {
        services.AddSingleton(new DeletableType(name, deletedRowsSql, restorePath));
        return services;
    }
}
