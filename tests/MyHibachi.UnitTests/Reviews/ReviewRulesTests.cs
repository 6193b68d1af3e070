using System.Text;
using MyHibachi.Api.Features.Reviews;
using MyHibachi.TestSupport;

namespace MyHibachi.UnitTests.Reviews;

public sealed class ReviewRulesTests
{
    [Theory]
    [InlineData("Visit www.cheap-stuff.example for deals", "Contains a link.")]
    [InlineData("Check https://x.example now", "Contains a link.")]
    [InlineData("Text me at 404-555-0199 any time", "Contains an e-mail address or a phone number.")]
    [InlineData("Write to me: someone@example.com", "Contains an e-mail address or a phone number.")]
    [InlineData("The chef was a total asshole to my guests", "Contains abusive language.")]
    [InlineData("Great food, also buy now crypto from me", "Looks like advertising.")]
    [InlineData("THIS WAS THE WORST PARTY I HAVE EVER HAD IN MY LIFE", "Written in capitals.")]
    [InlineData("goooooooooood food", "Repeats the same characters or words.")]
    public void Spam_and_abuse_are_found(string body, string reason)
    {
        Assert.Contains(reason, ReviewRules.Screen(null, body));
    }

    [Theory]
    [InlineData("Chef Kenji was wonderful. The kids loved the onion volcano and the fried rice! 10/10, booking again in May.")]
    [InlineData("We had 14 guests on 2026-05-04 and everything went smoothly; the filet mignon was perfect.")]
    [InlineData("OK food. A little late (20 min).")]
    public void An_ordinary_review_passes(string body)
    {
        Assert.Empty(ReviewRules.Screen("Great night", body));
    }

    [Fact]
    public void The_author_is_shown_by_first_name_and_initial()
    {
        Assert.Equal("Maria G.", ReviewRules.AuthorName(" Maria ", "garcia"));
        Assert.Equal("Prince", ReviewRules.AuthorName("Prince", ""));
    }

    [Fact]
    public void The_summary_is_exact()
    {
        var summary = ReviewRules.Summary([(5, 2), (4, 1)]);
        Assert.Equal((3, 14, 4.67m), (summary.Count, summary.Sum, summary.Average));
        Assert.Equal(0, summary.Distribution[1]);
        Assert.Equal(2, summary.Distribution[5]);
        Assert.Equal(0m, ReviewRules.Summary([]).Average);
        Assert.Equal(4.5m, ReviewRules.Average(9, 2));
        Assert.Equal(3.33m, ReviewRules.Average(10, 3));
    }
}

public sealed class ReviewPhotoProcessorTests
{
    private static readonly ReviewPhotoOptions Options = new();

    [Fact]
    public void A_phone_photo_is_cut_to_each_width_and_loses_its_metadata()
    {
        var (photo, refusal) = ReviewPhotoProcessor.Process(TestImages.JpegWithGps(2000, 1500), Options);
        Assert.Null(refusal);
        Assert.Equal([(320, 240), (800, 600), (1600, 1200)], photo!.Sizes.Select(s => (s.Width, s.Height)));
        Assert.All(photo.Sizes, size =>
        {
            Assert.False(TestImages.HasExif(size.Jpeg));
            Assert.Equal((size.Width, size.Height), TestImages.Size(size.Jpeg));
        });
    }

    [Fact]
    public void A_small_photo_is_never_enlarged()
    {
        var (photo, _) = ReviewPhotoProcessor.Process(TestImages.JpegWithGps(300, 200), Options);
        Assert.Equal([300], photo!.Sizes.Select(s => s.Width));
    }

    [Fact]
    public void Malicious_files_are_refused_by_their_content()
    {
        Assert.Equal(415, ReviewPhotoProcessor.Process(TestImages.ScriptNamedJpg(), Options).Refusal!.Status);
        Assert.Equal(422, ReviewPhotoProcessor.Process(TestImages.PngBomb(30_000), Options).Refusal!.Status);
        Assert.Equal(413, ReviewPhotoProcessor.Process(new byte[Options.MaxBytes + 1], Options).Refusal!.Status);
        // A JPEG's first bytes with nothing after them: sniffed as a JPEG, then not readable.
        Assert.Equal(422, ReviewPhotoProcessor.Process([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], Options).Refusal!.Status);
    }

    [Fact]
    public void Webp_is_accepted_still_and_refused_animated()
    {
        var still = Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 ").Concat(new byte[16]).ToArray();
        var animated = Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8X").Concat(new byte[] { 10, 0, 0, 0, 0x02, 0, 0, 0 }).ToArray();
        Assert.Equal(PhotoKind.Webp, ReviewPhotoProcessor.Sniff(still));
        Assert.Equal(PhotoKind.AnimatedWebp, ReviewPhotoProcessor.Sniff(animated));
        Assert.Equal(415, ReviewPhotoProcessor.Process(animated, Options).Refusal!.Status);
    }
}
