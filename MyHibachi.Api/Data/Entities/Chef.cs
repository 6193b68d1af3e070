namespace MyHibachi.Api.Data.Entities;

public sealed class Chef : IAudited, ISoftDeletable, ITimestamped, IPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StationId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    public string? Bio { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>At most this many events on one local day.</summary>
    public int MaxEventsPerDay { get; set; } = 2;

    /// <summary>Travel and set-up time kept free before each event.</summary>
    public int BufferBeforeMinutes { get; set; } = 60;

    /// <summary>Clean-up and travel time kept free after each event.</summary>
    public int BufferAfterMinutes { get; set; } = 45;

    /// <summary>The chef's sign-in account, when they have one.</summary>
    public Guid? UserId { get; set; }

    public List<ChefWorkingHours> WorkingHours { get; set; } = [];

    public List<ChefDateOverride> DateOverrides { get; set; } = [];

    public List<ChefTimeOff> TimeOff { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }

    public string? DeleteReason { get; set; }

    public uint Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A weekly working window in the station's local time, e.g. Saturday 11:00–22:00.</summary>
public sealed class ChefWorkingHours : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChefId { get; set; }

    public DayOfWeek DayOfWeek { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }
}

/// <summary>One local date that differs from the weekly hours: other hours, or not working at all.</summary>
public sealed class ChefDateOverride : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChefId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>False: the chef does not work that day. True: the chef works Start–End instead of the weekly hours.</summary>
    public bool IsWorking { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    public string? Note { get; set; }
}

/// <summary>An absence between two instants (vacation, sick day).</summary>
public sealed class ChefTimeOff : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChefId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string? Reason { get; set; }
}
