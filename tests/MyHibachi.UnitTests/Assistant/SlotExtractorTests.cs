using MyHibachi.Api.Features.Assistant.Routing;

namespace MyHibachi.UnitTests.Assistant;

public sealed class SlotExtractorTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("how much for 20 people", 20, null)]
    [InlineData("we'll be 14 adults and 4 kids", 14, 4)]
    [InlineData("party of twelve", 12, null)]
    [InlineData("20 people including 5 kids", 15, 5)]
    [InlineData("3 children", null, 3)]
    public void Reads_guest_counts(string message, int? adults, int? children)
    {
        var slots = SlotExtractor.Extract(message, Today);
        Assert.Equal((adults, children), (slots.Adults, slots.Children));
    }

    [Fact]
    public void A_bare_number_is_a_guest_count_only_when_the_assistant_asked_for_one()
    {
        Assert.Null(SlotExtractor.Extract("25", Today).Adults);
        Assert.Equal(25, SlotExtractor.Extract("25", Today, askedFor: "guests").Adults);
    }

    [Theory]
    [InlineData("December 20", "2026-12-20")]
    [InlineData("dec 20th 2027", "2027-12-20")]
    [InlineData("on 12/24", "2026-12-24")]
    [InlineData("2027-01-05", "2027-01-05")]
    [InlineData("the 5th of january", "2027-01-05")]
    [InlineData("tomorrow", "2026-12-03")]
    [InlineData("this saturday", "2026-12-05")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("March 3", "2027-03-03")]
    public void Reads_dates_relative_to_today_and_never_into_the_past(string message, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SlotExtractor.Extract(message, Today).Date);
    }

    [Theory]
    [InlineData("6pm", "18:00")]
    [InlineData("at 5:30 pm", "17:30")]
    [InlineData("17:00 works", "17:00")]
    [InlineData("at 6", "18:00")]
    [InlineData("noon", "12:00")]
    [InlineData("11am", "11:00")]
    public void Reads_times_as_24_hour_clock(string message, string expected) =>
        Assert.Equal(expected, SlotExtractor.Extract(message, Today).Time);

    [Fact]
    public void A_guest_count_is_not_a_time_and_a_zip_code_is_not_a_guest_count()
    {
        var slots = SlotExtractor.Extract("for 15 guests at 30305 on dec 20 at 6pm", Today);
        Assert.Equal((15, "30305", "18:00"), (slots.Adults, slots.Zip, slots.Time));
    }

    [Fact]
    public void Reads_an_address_with_city_state_and_zip()
    {
        var slots = SlotExtractor.Extract("12 Peachtree St, Atlanta, GA", Today);
        Assert.Equal(("12 Peachtree St", "Atlanta", "GA"), (slots.Street, slots.City, slots.State));
        var full = SlotExtractor.Extract("it's at 450 Oak Hill Road, Marietta GA 30062", Today);
        Assert.Equal(("450 Oak Hill Road", "Marietta", "GA", "30062"), (full.Street, full.City, full.State, full.Zip));
    }

    [Fact]
    public void Reads_contact_details_and_names()
    {
        var slots = SlotExtractor.Extract("My name is robin chatfield, robin@example.com or (404) 555-0199", Today);
        Assert.Equal(("Robin", "Chatfield", "robin@example.com", "+14045550199"), (slots.FirstName, slots.LastName, slots.Email, slots.Phone));
        Assert.Null(slots.Zip);
        Assert.Equal("Sam", SlotExtractor.Extract("Sam", Today, askedFor: "name").FirstName);
        Assert.Null(SlotExtractor.Extract("Sam", Today).FirstName);
    }

    [Fact]
    public void Reads_allergies_diets_menu_items_references_and_answers()
    {
        var slots = SlotExtractor.Extract("Yes! one guest is celiac and another is vegan, we want lobster. Ref MH-AB12CD", Today);
        Assert.Contains("gluten", slots.Allergies);
        Assert.Contains("vegan", slots.Diets);
        Assert.Contains("lobster_tail", slots.MenuCodes);
        Assert.Equal("MH-AB12CD", slots.Reference);
        Assert.True(slots.Answer);
        Assert.False(SlotExtractor.Extract("no thanks", Today).Answer);
        Assert.Null(SlotExtractor.Extract("what do you know about it", Today).Answer);
    }

    [Fact]
    public void Reads_miles()
    {
        Assert.Equal(45, SlotExtractor.Extract("we're about 45 miles from Atlanta", Today).Miles);
        Assert.Null(SlotExtractor.Extract("we're about 45 miles from Atlanta", Today).Zip);
    }
}
