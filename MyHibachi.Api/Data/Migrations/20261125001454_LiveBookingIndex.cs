using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveBookingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_station_id_starts_at",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_live_station_starts_at",
                table: "bookings",
                columns: new[] { "station_id", "starts_at" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_live_station_starts_at",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_station_id_starts_at",
                table: "bookings",
                columns: new[] { "station_id", "starts_at" });
        }
    }
}
