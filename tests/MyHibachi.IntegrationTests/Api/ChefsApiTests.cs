using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

public sealed class ChefsApiTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task A_chef_is_created_with_weekly_hours_and_updated()
    {
        var station = await Api.CreateStationAsync();
        var created = await Api.CreateChefAsync(station.Id);
        Assert.Equal(7, created.Chef.WorkingHours.Count);

        var read = await Api.GetAsync<ChefDetailDto>($"/api/chefs/{created.Chef.Id}");
        var saturdays = new List<WorkingHoursDto> { new(DayOfWeek.Saturday, "11:00", "22:00") };
        var updated = (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{created.Chef.Id}",
            new ChefRequest(null, null, null, null, null, "Sushi too", null, 1, 30, 30, saturdays), read.ETag)).Ok();

        Assert.Equal("Sushi too", updated.Chef.Bio);
        Assert.Equal(1, updated.Chef.MaxEventsPerDay);
        Assert.Equal(saturdays, updated.Chef.WorkingHours);
        var list = (await Api.GetAsync<PagedList<ChefDto>>($"/api/chefs?stationId={station.Id}")).Ok();
        Assert.Equal(created.Chef.Id, Assert.Single(list.Items).Id);
    }

    public static TheoryData<string, ChefRequest> BadChefs => new()
    {
        { "stationId", new ChefRequest(null, "A", "B", "a@example.com", null, null, null, null, null, null, null) },
        { "email", new ChefRequest(Guid.Empty, "A", "B", "a@", null, null, null, null, null, null, null) },
        { "maxEventsPerDay", new ChefRequest(Guid.Empty, "A", "B", "a@example.com", null, null, null, 0, null, null, null) },
        { "bufferBeforeMinutes", new ChefRequest(Guid.Empty, "A", "B", "a@example.com", null, null, null, null, -5, null, null) },
        { "workingHours[0].endTime", new ChefRequest(Guid.Empty, "A", "B", "a@example.com", null, null, null, null, null, null, [new WorkingHoursDto(DayOfWeek.Monday, "18:00", "10:00")]) },
        { "workingHours[0].startTime", new ChefRequest(Guid.Empty, "A", "B", "a@example.com", null, null, null, null, null, null, [new WorkingHoursDto(DayOfWeek.Monday, "noon", "20:00")]) },
        { "workingHours[1]", new ChefRequest(Guid.Empty, "A", "B", "a@example.com", null, null, null, null, null, null, [new WorkingHoursDto(DayOfWeek.Monday, "10:00", "15:00"), new WorkingHoursDto(DayOfWeek.Monday, "14:00", "20:00")]) },
        { "bio", new ChefRequest(Guid.Empty, "A", "B", "a@example.com", null, new string('b', 2001), null, null, null, null, null) },
    };

    [Theory]
    [MemberData(nameof(BadChefs))]
    public async Task Bad_chef_input_names_the_field(string field, ChefRequest request)
    {
        var station = await Api.CreateStationAsync();
        var withStation = request.StationId == Guid.Empty ? request with { StationId = station.Id } : request;

        (await Api.PostAsync<ChefDetailDto>("/api/chefs", withStation)).InvalidField(field);
    }

    [Fact]
    public async Task Availability_follows_hours_overrides_time_off_bookings_and_the_daily_cap()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id, maxPerDay: 1, start: "16:00", end: "22:00")).Chef;
        var day1 = HibachiApiClient.FutureDate(10);
        var day2 = day1.AddDays(1);
        var day3 = day1.AddDays(2);
        var day4 = day1.AddDays(3);

        var open = (await Api.GetAsync<ChefAvailabilityDto>($"/api/chefs/{chef.Id}/availability?from={day1:yyyy-MM-dd}&to={day4:yyyy-MM-dd}&guests=10")).Ok();
        Assert.Equal(["16:00", "16:30", "17:00", "17:30", "18:00", "18:30", "19:00", "19:30", "20:00"], open.Days[0].Slots.Select(s => s.LocalTime));

        (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/date-overrides/{day2:yyyy-MM-dd}", new DateOverrideRequest(false, null, null, "Wedding"))).Ok();
        var noon = AvailabilityTime(day3, 12);
        (await Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off", new TimeOffRequest(noon, noon.AddHours(6), "Dentist"))).Ok(HttpStatusCode.Created);
        await Api.CreateBookingAsync(station.Id, day4, "18:00");

        var after = (await Api.GetAsync<ChefAvailabilityDto>($"/api/chefs/{chef.Id}/availability?from={day1:yyyy-MM-dd}&to={day4:yyyy-MM-dd}")).Ok();
        Assert.Equal(9, after.Days[0].Slots.Count);
        Assert.Empty(after.Days[1].Slots); // day off
        Assert.Equal("19:00", after.Days[2].Slots[0].LocalTime); // time off until 18:00, then a 60-minute buffer
        Assert.Empty(after.Days[3].Slots); // the one event of the day is taken
        Assert.Contains(after.Busy, b => b.Kind == "booking");
        Assert.Contains(after.Busy, b => b.Kind == "time_off" && b.Reference == "Dentist");
    }

    [Fact]
    public async Task Station_slots_count_the_free_chefs()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id, start: "17:00", end: "21:00");
        await Api.CreateChefAsync(station.Id, start: "17:00", end: "21:00");
        var date = HibachiApiClient.FutureDate(10);
        await Api.CreateBookingAsync(station.Id, date, "17:00");

        var slots = (await Api.GetAsync<StationSlotsDto>($"/api/stations/{station.Id}/slots?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}")).Ok();

        var day = Assert.Single(slots.Days);
        Assert.Equal(1, day.Slots.Single(s => s.LocalTime == "17:00").AvailableChefs);
        Assert.Equal(["17:00", "17:30", "18:00", "18:30", "19:00"], day.Slots.Select(s => s.LocalTime));
        (await Api.GetAsync<string>($"/api/stations/{station.Id}/slots?from={date:yyyy-MM-dd}&to={date.AddDays(-1):yyyy-MM-dd}")).InvalidField("to");
        (await Api.GetAsync<string>($"/api/stations/{station.Id}/slots?from={date:yyyy-MM-dd}&to={date.AddDays(90):yyyy-MM-dd}")).InvalidField("to");
        (await Api.GetAsync<string>($"/api/stations/{station.Id}/slots?from=someday")).InvalidField("from");
        (await Api.GetAsync<string>($"/api/stations/{station.Id}/slots?guests=-1")).InvalidField("guests");
    }

    [Fact]
    public async Task Time_off_over_a_booking_is_refused()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var date = HibachiApiClient.FutureDate(10);
        var booking = await Api.CreateBookingAsync(station.Id, date, "18:00");

        var refused = (await Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off",
            new TimeOffRequest(booking.StartsAt.AddHours(-1), booking.StartsAt.AddHours(1), "Sick"))).Refused(HttpStatusCode.Conflict);
        Assert.Contains(booking.Reference, refused.Detail);
        (await Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off", new TimeOffRequest(booking.StartsAt, booking.StartsAt.AddHours(-1), null))).InvalidField("endsAt");
        (await Api.PostAsync<TimeOffDto>($"/api/chefs/{chef.Id}/time-off", new TimeOffRequest(null, booking.StartsAt, null))).InvalidField("startsAt");
    }

    [Fact]
    public async Task A_chef_with_upcoming_bookings_is_neither_deleted_nor_deactivated()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        var read = await Api.GetAsync<ChefDetailDto>($"/api/chefs/{chef.Id}");

        (await Api.DeleteAsync($"/api/chefs/{chef.Id}", "Leaving the company")).Refused(HttpStatusCode.Conflict);
        (await Api.PutAsync<ChefDetailDto>($"/api/chefs/{chef.Id}", new ChefRequest(null, null, null, null, null, null, false, null, null, null, null), read.ETag))
            .Refused(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deleted_chef_is_restored_with_their_schedule()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;

        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/chefs/{chef.Id}", "Seasonal contract ended")).Status);
        (await Api.GetAsync<ChefDetailDto>($"/api/chefs/{chef.Id}")).Refused(HttpStatusCode.NotFound);
        var restored = (await Api.PostAsync<ChefDetailDto>($"/api/chefs/{chef.Id}/restore")).Ok();

        Assert.Equal(chef.WorkingHours, restored.Chef.WorkingHours);
    }

    private static DateTimeOffset AvailabilityTime(DateOnly date, int hour) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, 0)), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")), TimeSpan.Zero);
}
