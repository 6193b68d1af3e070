namespace MyHibachi.Api.Data.Entities;

/// <summary>Every change to this entity leaves a row in the audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>
/// Deleting only marks the row (with who, when and why); it can be restored for 30 days, after
/// which the nightly purge removes it. Normal queries never see it.
/// </summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }

    Guid? DeletedBy { get; set; }

    string? DeleteReason { get; set; }
}

public interface ITimestamped
{
    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A person the business deals with by name, e-mail and phone (a customer, a chef).</summary>
public interface IPerson
{
    string FirstName { get; set; }

    string LastName { get; set; }

    string Email { get; set; }

    string? Phone { get; set; }
}
