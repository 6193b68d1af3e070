namespace MyHibachi.Api.Data.Entities;

/// <summary>Who changed what, before and after, when and in which request.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>create, update, delete, restore or purge.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? RequestId { get; set; }

    /// <summary>The record as people name it when it was written: a booking's reference, a person's name, a station's name.</summary>
    public string? Label { get; set; }

    /// <summary>"data" for a change to the business's records; "sign-in" for an account's sign-in bookkeeping (last sign-in, failed attempts, lockout).</summary>
    public string Kind { get; set; } = AuditKinds.Data;
}

public static class AuditKinds
{
    public const string Data = "data";
    public const string SignIn = "sign-in";

    public static readonly string[] All = [Data, SignIn];
}

/// <summary>An integration event written in the same transaction as the change it reports.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message a consumer has handled, so a redelivery does nothing twice.</summary>
public sealed class ProcessedMessage
{
    public required string Consumer { get; set; }

    public Guid MessageId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }

    /// <summary>How many times the message reached the consumer (1 unless redelivered).</summary>
    public int Deliveries { get; set; } = 1;
}
