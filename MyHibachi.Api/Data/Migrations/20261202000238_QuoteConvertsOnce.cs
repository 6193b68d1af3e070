using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuoteConvertsOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_quote_id",
                table: "bookings");

            // Bookings made from one quote by concurrent conversions before this index existed keep
            // their chef and price; only the first stays linked to the quote.
            migrationBuilder.Sql("""
                UPDATE bookings SET quote_id = NULL
                WHERE quote_id IS NOT NULL
                  AND id <> (SELECT first.id FROM bookings AS first WHERE first.quote_id = bookings.quote_id ORDER BY first.created_at, first.id LIMIT 1)
                """);

            migrationBuilder.CreateIndex(
                name: "ux_bookings_quote_id",
                table: "bookings",
                column: "quote_id",
                unique: true,
                filter: "quote_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_bookings_quote_id",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_quote_id",
                table: "bookings",
                column: "quote_id");
        }
    }
}
