using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class GoogleBusinessProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "google_business_locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    location_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    regular_hours = table.Column<string>(type: "jsonb", nullable: false),
                    special_hours = table.Column<string>(type: "jsonb", nullable: false),
                    hours_pending = table.Column<bool>(type: "boolean", nullable: false),
                    hours_pushed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hours_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sync_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    average_rating = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: true),
                    total_review_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_google_business_locations", x => x.id);
                    table.ForeignKey(
                        name: "fk_google_business_locations_google_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "google_connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_google_business_locations_stations_station_id",
                        column: x => x.station_id,
                        principalTable: "stations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "google_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    station_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reply_text = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    draft = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    draft_source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reply_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reply_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    approved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_google_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_google_reviews_stations_station_id",
                        column: x => x.station_id,
                        principalTable: "stations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_google_business_locations_connection_id",
                table: "google_business_locations",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "ix_google_business_locations_station_id",
                table: "google_business_locations",
                column: "station_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_google_reviews_created_at",
                table: "google_reviews",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_google_reviews_station_id_review_id",
                table: "google_reviews",
                columns: new[] { "station_id", "review_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "google_business_locations");

            migrationBuilder.DropTable(
                name: "google_reviews");
        }
    }
}
