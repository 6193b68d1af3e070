using System.Globalization;
using MyHibachi.Contracts;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MyHibachi.Workers.Payments;

/// <summary>Who the invoices come from (printed in their header).</summary>
public sealed class BusinessOptions
{
    public const string Section = "Business";

    public string Name { get; set; } = "MyHibachi";

    public string Address { get; set; } = "Mobile hibachi catering";

    public string Email { get; set; } = "bookings@myhibachi.local";

    public string? Phone { get; set; }

    /// <summary>A folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf (or Liberation Sans); the usual system folders are searched when empty.</summary>
    public string? FontDirectory { get; set; }
}

/// <summary>
/// Gives PDFsharp its fonts from files on this machine (DejaVu Sans from Debian's fonts-dejavu-core,
/// which the AppHost installs, or Liberation Sans); PDFsharp embeds the glyphs it uses in each PDF.
/// </summary>
public sealed class InvoiceFonts : IFontResolver
{
    public const string Family = "Invoice Sans";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype/liberation",
        "/Library/Fonts", "/System/Library/Fonts/Supplemental", @"C:\Windows\Fonts",
    ];

    private static readonly (string Regular, string Bold)[] Faces =
        [("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("Arial.ttf", "Arial Bold.ttf"), ("arial.ttf", "arialbd.ttf")];

    private readonly string _regular;
    private readonly string _bold;

    private InvoiceFonts(string regular, string bold)
    {
        _regular = regular;
        _bold = bold;
    }

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled(string? folder)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is InvoiceFonts)
            {
                return;
            }

            foreach (var directory in folder is null ? Folders : [folder, .. Folders])
            {
                foreach (var (regular, bold) in Faces)
                {
                    var regularPath = Path.Combine(directory, regular);
                    var boldPath = Path.Combine(directory, bold);
                    if (File.Exists(regularPath) && File.Exists(boldPath))
                    {
                        GlobalFontSettings.FontResolver = new InvoiceFonts(regularPath, boldPath);
                        return;
                    }
                }
            }

            throw new InvalidOperationException(
                "No font for invoices: install Debian's fonts-dejavu-core (the AppHost does) or set Workers:Business:FontDirectory to a folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf.");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "bold" : "regular", mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "bold" ? _bold : _regular);
}

/// <summary>Draws an invoice for one payment on a US Letter page: who, what was booked, this payment, what was paid to date and what is due.</summary>
public static class InvoicePdf
{
    private const double Margin = 50;
    private const double PageWidth = 612;
    private static readonly XColor Brand = XColor.FromArgb(0xb3, 0x26, 0x1e);
    private static readonly XColor Muted = XColor.FromArgb(0x57, 0x60, 0x6a);

    public static byte[] Render(InvoiceDocumentDto document, BusinessOptions business)
    {
        InvoiceFonts.EnsureInstalled(business.FontDirectory);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Invoice {document.Invoice.Number}";
        pdf.Info.Author = business.Name;
        pdf.Info.Subject = $"Booking {document.Invoice.BookingReference}";
        var page = pdf.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(792);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, document, business);
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, InvoiceDocumentDto document, BusinessOptions business)
    {
        var title = new XFont(InvoiceFonts.Family, 22, XFontStyleEx.Bold);
        var heading = new XFont(InvoiceFonts.Family, 10, XFontStyleEx.Bold);
        var body = new XFont(InvoiceFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(InvoiceFonts.Family, 8.5, XFontStyleEx.Regular);
        var brand = new XSolidBrush(Brand);
        var muted = new XSolidBrush(Muted);
        var right = PageWidth - Margin;
        var invoice = document.Invoice;

        // Header: the business on the left, the invoice's identity on the right.
        gfx.DrawString(business.Name, title, brand, Margin, 70);
        var y = 88.0;
        foreach (var line in new[] { business.Address, business.Email, business.Phone }.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            gfx.DrawString(line!, small, muted, Margin, y);
            y += 12;
        }

        gfx.DrawString("INVOICE", new XFont(InvoiceFonts.Family, 16, XFontStyleEx.Bold), XBrushes.Black, new XRect(right - 200, 52, 200, 20), XStringFormats.TopRight);
        var meta = new[]
        {
            ("Number", invoice.Number),
            ("Issued", invoice.IssuedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            ("Booking", invoice.BookingReference),
        };
        var metaY = 78.0;
        foreach (var (label, value) in meta)
        {
            gfx.DrawString(label, small, muted, new XRect(right - 200, metaY, 90, 12), XStringFormats.TopLeft);
            gfx.DrawString(value, body, XBrushes.Black, new XRect(right - 110, metaY, 110, 12), XStringFormats.TopRight);
            metaY += 14;
        }

        y = Math.Max(y, metaY) + 18;
        gfx.DrawLine(new XPen(Brand, 1.2), Margin, y, right, y);
        y += 18;

        // Bill to and the event.
        var column = (right - Margin) / 2;
        gfx.DrawString("BILLED TO", heading, muted, Margin, y);
        gfx.DrawString("EVENT", heading, muted, Margin + column, y);
        y += 15;
        var left = y;
        foreach (var line in new[] { document.CustomerName, document.CustomerEmail })
        {
            gfx.DrawString(Fit(gfx, line, body, column - 12), body, XBrushes.Black, Margin, left);
            left += 13;
        }

        var eventLines = new List<string>
        {
            document.EventDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
            $"{document.EventTime} ({document.TimeZone.Replace('_', ' ')})",
        };
        eventLines.AddRange(Wrap(gfx, document.Address, body, column));
        eventLines.Add($"Served by {document.StationName}");
        var eventY = y;
        foreach (var line in eventLines)
        {
            gfx.DrawString(Fit(gfx, line, body, column), body, XBrushes.Black, Margin + column, eventY);
            eventY += 13;
        }

        y = Math.Max(left, eventY) + 20;

        // What was booked.
        var qtyX = right - 200;
        var unitX = right - 130;
        gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf6, 0xf8, 0xfa)), Margin, y - 11, right - Margin, 18);
        gfx.DrawString("Description", heading, XBrushes.Black, Margin + 6, y + 2);
        gfx.DrawString("Qty", heading, XBrushes.Black, new XRect(qtyX - 40, y - 9, 40, 14), XStringFormats.TopRight);
        gfx.DrawString("Unit", heading, XBrushes.Black, new XRect(unitX - 10, y - 9, 60, 14), XStringFormats.TopRight);
        gfx.DrawString("Amount", heading, XBrushes.Black, new XRect(right - 80, y - 9, 74, 14), XStringFormats.TopRight);
        y += 20;
        foreach (var line in document.Lines)
        {
            gfx.DrawString(Fit(gfx, line.Description, body, qtyX - Margin - 60), body, XBrushes.Black, Margin + 6, y);
            gfx.DrawString(line.Quantity.ToString(CultureInfo.InvariantCulture), body, XBrushes.Black, new XRect(qtyX - 40, y - 9, 40, 12), XStringFormats.TopRight);
            gfx.DrawString(Money(line.UnitCents), body, XBrushes.Black, new XRect(unitX - 10, y - 9, 60, 12), XStringFormats.TopRight);
            gfx.DrawString(Money(line.TotalCents), body, XBrushes.Black, new XRect(right - 80, y - 9, 74, 12), XStringFormats.TopRight);
            y += 16;
            gfx.DrawLine(new XPen(XColor.FromArgb(0xd0, 0xd7, 0xde), 0.5), Margin, y - 11, right, y - 11);
            if (y > 600)
            {
                gfx.DrawString("… more items on the booking", small, muted, Margin + 6, y);
                y += 16;
                break;
            }
        }

        // The money: the event's total, this payment, and where the booking stands after it.
        y += 10;
        var method = document.Method == PaymentMethod.LoyaltyPoints ? "Loyalty points" : document.Method.ToString();
        var rows = new List<(string Label, string Value, bool Strong)>
        {
            ("Event total", Money(document.TotalCents), false),
            ($"This payment ({method}{(string.IsNullOrWhiteSpace(document.Reference) ? "" : $", {document.Reference}")})", Money(invoice.AmountCents), true),
            ("Paid to date", Money(document.PaidToDateCents), false),
            ("Balance due", Money(document.DueCents), true),
        };
        foreach (var (label, value, strong) in rows)
        {
            var font = strong ? heading : body;
            gfx.DrawString(Fit(gfx, label, font, 230), font, XBrushes.Black, new XRect(right - 330, y - 9, 230, 14), XStringFormats.TopRight);
            gfx.DrawString(value, font, XBrushes.Black, new XRect(right - 94, y - 9, 88, 14), XStringFormats.TopRight);
            y += 17;
        }

        y += 24;
        gfx.DrawString("Thank you for choosing " + business.Name + ". Amounts are in US dollars.", small, muted, Margin, y);
        gfx.DrawString("Gratuity for your chef is not included and is at your discretion.", small, muted, Margin, y + 12);
    }

    private static string Money(long cents) => (cents / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture);

    /// <summary>The text, shortened with an ellipsis when wider than the space.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && gfx.MeasureString(text[..cut] + "…", font).Width > width)
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>The text broken at spaces into lines no wider than the space (at most three).</summary>
    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (gfx.MeasureString(candidate, font).Width <= width || current.Length == 0)
            {
                current = candidate;
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines.Take(3);
    }
}
