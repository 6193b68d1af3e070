namespace MyHibachi.Api.Data.Entities;

/// <summary>A service region: its base, how far it travels and in which time zone its events happen.</summary>
public sealed class Station : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Short code used in URLs and references, e.g. "atl".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone, e.g. "America/New_York".</summary>
    public required string TimeZone { get; set; }

    public required string BaseZip { get; set; }

    public double BaseLatitude { get; set; }

    public double BaseLongitude { get; set; }

    /// <summary>Farthest distance (great-circle miles from the base) the station serves.</summary>
    public int ServiceRadiusMiles { get; set; }

    /// <summary>How long before an event a booking must be made.</summary>
    public int MinimumNoticeHours { get; set; } = 48;

    /// <summary>Customers may reschedule or cancel online until this many hours before the event.</summary>
    public int CustomerChangeCutoffHours { get; set; } = 72;

    public bool IsActive { get; set; } = true;

    /// <summary>The number customers call, shown on the site.</summary>
    public string? Phone { get; set; }

    /// <summary>The address customers write to, shown on the site.</summary>
    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}
