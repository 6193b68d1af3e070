using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Files;
using MyHibachi.Api.Infrastructure.Security;
using Npgsql;

namespace MyHibachi.Api.Features.Payments;

/// <summary>
/// Invoices for payments: numbered per year without gaps (the number is taken in the same
/// transaction that writes the invoice, so a failure gives it back), drawn by the Workers from the
/// document this service describes, and kept as PDF files customers and staff download.
/// </summary>
public sealed class InvoiceService(
    HibachiDbContext db, BookingQueries bookings, PayLinks payLinks, FileStore files, AccessScope scope, TimeProvider clock)
{
    public const string FileKind = "invoice";

    /// <summary>The invoice of a payment, issued once (a repeated call returns the same one), with what it must show.</summary>
    public async Task<Result<InvoiceDocumentDto>> IssueAsync(Guid ledgerEntryId, CancellationToken cancellationToken)
    {
        var entry = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Id == ledgerEntryId, cancellationToken);
        if (entry is null)
        {
            return Failure.NotFound("Payment");
        }

        if (entry.Kind != LedgerEntryKind.Payment)
        {
            return Failure.Invalid("ledgerEntryId", "Invoices are issued for payments; refunds are shown on the booking's ledger.");
        }

        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.LedgerEntryId == ledgerEntryId, cancellationToken)
                      ?? await NumberAsync(entry, cancellationToken);
        return await DocumentAsync(invoice, entry, cancellationToken);
    }

    private async Task<Invoice> NumberAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One statement takes the next number and holds the year's row until commit: numbers never repeat,
            // and a rolled-back invoice gives its number back, so none is skipped.
            // (Read as a list: composing LINQ over it would wrap the INSERT in a subquery, which PostgreSQL refuses.)
            var sequence = (await db.Database.SqlQuery<int>(
                $"""
                 INSERT INTO invoice_sequences (year, last) VALUES ({now.Year}, 1)
                 ON CONFLICT (year) DO UPDATE SET last = invoice_sequences.last + 1
                 RETURNING last AS "Value"
                 """).ToListAsync(cancellationToken)).Single();
            var invoice = new Invoice
            {
                Number = $"{now.Year}-{sequence:D6}",
                Year = now.Year,
                Sequence = sequence,
                BookingId = entry.BookingId,
                LedgerEntryId = entry.Id,
                AmountCents = entry.AmountCents,
                IssuedAt = now,
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return invoice;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Issued concurrently for the same payment: that one stands (and this number was given back).
            db.ChangeTracker.Clear();
            return await db.Invoices.AsNoTracking().FirstAsync(i => i.LedgerEntryId == entry.Id, cancellationToken);
        }
    }

    private async Task<InvoiceDocumentDto> DocumentAsync(Invoice invoice, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.IncludingDeleted().AsNoTracking().FirstAsync(b => b.Id == invoice.BookingId, cancellationToken);
        var dto = await bookings.ToDtoAsync(booking, cancellationToken);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == booking.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
        var ledger = await db.Ledger.AsNoTracking().Where(e => e.BookingId == booking.Id && e.OccurredAt <= entry.OccurredAt)
            .Select(e => new { e.Kind, e.AmountCents }).ToListAsync(cancellationToken);
        var toDate = Ledger.Summarize(booking.Breakdown.TotalCents, booking.Breakdown.DepositCents, ledger.Select(e => (e.Kind, e.AmountCents)));
        var address = string.Join(", ", new[] { booking.AddressLine1, booking.AddressLine2, booking.City, $"{booking.State} {booking.Zip}" }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        return new InvoiceDocumentDto(ToDto(invoice, booking.Reference), booking.ContactName, booking.ContactEmail, station, dto.LocalDate, dto.LocalStartTime,
            dto.TimeZone, address, dto.Pricing.Lines, dto.Pricing.TotalCents, toDate.NetPaidCents, toDate.DueCents, entry.Method.ToContract(), entry.Reference);
    }

    /// <summary>Keeps the invoice's PDF (the first one sent stays: a redelivered message does not replace it).</summary>
    public async Task<Result<InvoiceDto>> AttachPdfAsync(Guid invoiceId, Stream body, long? length, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return Failure.NotFound("Invoice");
        }

        var reference = await db.Bookings.IncludingDeleted().Where(b => b.Id == invoice.BookingId).Select(b => b.Reference).FirstAsync(cancellationToken);
        if (invoice.FileId is not null)
        {
            return ToDto(invoice, reference);
        }

        if (length > files.MaxBytes)
        {
            return new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The PDF is too large.");
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.Length > files.MaxBytes)
        {
            return new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The PDF is too large.");
        }

        if (bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return Failure.Invalid("body", "Send the invoice as a PDF document.");
        }

        var file = await files.SaveAsync(FileKind, "application/pdf", $"invoice-{invoice.Number}.pdf", bytes, cancellationToken);
        invoice.FileId = file.Id;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(invoice, reference);
    }

    public async Task<Result<InvoiceDto>> MarkEmailedAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return Failure.NotFound("Invoice");
        }

        invoice.EmailedAt ??= clock.Now();
        await db.SaveChangesAsync(cancellationToken);
        var reference = await db.Bookings.IncludingDeleted().Where(b => b.Id == invoice.BookingId).Select(b => b.Reference).FirstAsync(cancellationToken);
        return ToDto(invoice, reference);
    }

    /// <summary>Invoices the caller may see (staff in their scope, customers their own), newest first.</summary>
    public async Task<Result<PagedList<InvoiceDto>>> ListAsync(InvoiceListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Validate(query.Page, query.PageSize, errors);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var reachable = scope.Bookings(db.Bookings.IncludingDeleted());
        var invoices = from invoice in db.Invoices.AsNoTracking()
                       join booking in reachable on invoice.BookingId equals booking.Id
                       select new { invoice, booking.Reference };
        if (query.BookingId is { } bookingId)
        {
            invoices = invoices.Where(i => i.invoice.BookingId == bookingId);
        }

        var count = await Paging.CountAsync(invoices, cancellationToken);
        var rows = await invoices.OrderByDescending(i => i.invoice.Year).ThenByDescending(i => i.invoice.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Paging.Page(rows.Select(r => ToDto(r.invoice, r.Reference)).ToList(), page, pageSize, count);
    }

    /// <summary>The PDF of an invoice the caller may see (or whose booking's pay token they hold).</summary>
    public async Task<StoredFile?> PdfAsync(Guid invoiceId, string? payToken, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice?.FileId is null)
        {
            return null;
        }

        var reachable = payLinks.IsValid(invoice.BookingId, payToken)
                        || await scope.Bookings(db.Bookings.IncludingDeleted()).AnyAsync(b => b.Id == invoice.BookingId, cancellationToken);
        return reachable ? await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == invoice.FileId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<InvoiceDto>> ForBookingAsync(Guid bookingId, string reference, CancellationToken cancellationToken) =>
        (await db.Invoices.AsNoTracking().Where(i => i.BookingId == bookingId).OrderBy(i => i.Sequence).ToListAsync(cancellationToken))
        .Select(i => ToDto(i, reference)).ToList();

    public static InvoiceDto ToDto(Invoice invoice, string bookingReference) => new(
        invoice.Id, invoice.Number, invoice.BookingId, bookingReference, invoice.LedgerEntryId, invoice.AmountCents, invoice.IssuedAt, invoice.FileId is not null,
        invoice.EmailedAt);

    public Task<IResult> ServeAsync(StoredFile file, CancellationToken cancellationToken) => files.ServeAsync(file, cancellationToken);
}
