using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class GoogleCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chef_external_busy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chef_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    external_id = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chef_external_busy", x => x.id);
                    table.ForeignKey(
                        name: "fk_chef_external_busy_chefs_chef_id",
                        column: x => x.chef_id,
                        principalTable: "chefs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "google_connections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    principal = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    secret_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    access_token_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    access_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    granted_scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_google_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_calendar_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    chef_id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    calendar_id = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    event_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    removed = table.Column<bool>(type: "boolean", nullable: false),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_calendar_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_calendar_events_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_calendar_events_google_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "google_connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chef_calendars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chef_id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    calendar_id = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    sync_token = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    sync_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    watch_channel_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    watch_resource_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    watch_token = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    watch_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ics_import_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ics_imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ics_import_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    feed_version = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chef_calendars", x => x.id);
                    table.ForeignKey(
                        name: "fk_chef_calendars_chefs_chef_id",
                        column: x => x.chef_id,
                        principalTable: "chefs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_chef_calendars_google_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "google_connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_booking_calendar_events_booking_id_chef_id",
                table: "booking_calendar_events",
                columns: new[] { "booking_id", "chef_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_calendar_events_connection_id",
                table: "booking_calendar_events",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "ix_chef_calendars_chef_id",
                table: "chef_calendars",
                column: "chef_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chef_calendars_connection_id",
                table: "chef_calendars",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "ix_chef_calendars_watch_channel_id",
                table: "chef_calendars",
                column: "watch_channel_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chef_external_busy_chef_id_source_external_id",
                table: "chef_external_busy",
                columns: new[] { "chef_id", "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chef_external_busy_chef_id_starts_at",
                table: "chef_external_busy",
                columns: new[] { "chef_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_google_connections_name",
                table: "google_connections",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_calendar_events");

            migrationBuilder.DropTable(
                name: "chef_calendars");

            migrationBuilder.DropTable(
                name: "chef_external_busy");

            migrationBuilder.DropTable(
                name: "google_connections");
        }
    }
}
