using System.Text;
using MyHibachi.Contracts;
using MyHibachi.Workers.Payments;

namespace MyHibachi.UnitTests.Payments;

public sealed class InvoicePdfTests
{
    public static InvoiceDocumentDto Sample(string customer = "Gia Guest", string address = "12 Peachtree St, Atlanta, GA 30305") => new(
        new InvoiceDto(Guid.NewGuid(), "2026-000042", Guid.NewGuid(), "MH-7K2Q9P", Guid.NewGuid(), 10_000, new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), false, null),
        customer, "gia@example.com", "Atlanta", new DateOnly(2026, 12, 24), "18:00", "America/New_York", address,
        [new PriceLineDto("adult", "Adult guests", 12, 6_000, 72_000), new PriceLineDto("lobster_tail", "Lobster tail upgrade", 4, 1_500, 6_000),
         new PriceLineDto("travel", "Travel fee (14 miles)", 1, 800, 800)],
        78_800, 10_000, 68_800, PaymentMethod.Card, null);

    [Fact]
    public void An_invoice_renders_as_a_one_page_pdf_with_its_number_and_amounts_in_the_text()
    {
        var pdf = InvoicePdf.Render(Sample(), new BusinessOptions());

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.True(pdf.Length is > 2_000 and < 400_000, $"{pdf.Length} bytes");
        using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(1, read.PageCount);
        Assert.Equal("Invoice 2026-000042", read.Info.Title);
        Assert.Equal("Booking MH-7K2Q9P", read.Info.Subject);
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf)); // the font is embedded: it looks the same everywhere
    }

    [Fact]
    public void Long_names_and_addresses_are_shortened_rather_than_drawn_off_the_page()
    {
        var pdf = InvoicePdf.Render(Sample(new string('W', 300), string.Join(' ', Enumerable.Repeat("Extraordinarily-long-street-name", 30))), new BusinessOptions());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }
}
