using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Inbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_inbox_assignment_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "on_inbox_duty",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "channel_account",
                table: "conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handle",
                table: "conversations",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "labels",
                table: "conversations",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_inbound_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "snoozed_until",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "station_id",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_before_snooze",
                table: "conversations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "thread_key",
                table: "conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "answered_at",
                table: "conversation_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery",
                table: "conversation_messages",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "delivery_attempts",
                table: "conversation_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "delivery_error",
                table: "conversation_messages",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivery_updated_at",
                table: "conversation_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "conversation_messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "hidden",
                table: "conversation_messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_private",
                table: "conversation_messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "mentions",
                table: "conversation_messages",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "template",
                table: "conversation_messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rc_session_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    rc_recording_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recording_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rc_transcript = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    rc_transcript_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    transcript_source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    transcript_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    intent = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    emotion = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reply_audio_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    follow_up_queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_calls_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calls_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_calls_files_recording_file_id",
                        column: x => x.recording_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "canned_replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    short_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_canned_replies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_channel_thread_key",
                table: "conversations",
                columns: new[] { "channel", "thread_key" },
                unique: true,
                filter: "thread_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_labels",
                table: "conversations",
                column: "labels")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_snoozed_until",
                table: "conversations",
                column: "snoozed_until",
                filter: "snoozed_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_station_id",
                table: "conversations",
                column: "station_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_messages_delivery_delivery_updated_at",
                table: "conversation_messages",
                columns: new[] { "delivery", "delivery_updated_at" },
                filter: "delivery IN ('Queued', 'Sending')");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_messages_external_id",
                table: "conversation_messages",
                column: "external_id",
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_calls_conversation_id_started_at",
                table: "calls",
                columns: new[] { "conversation_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_customer_id",
                table: "calls",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_rc_session_id",
                table: "calls",
                column: "rc_session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_recording_file_id",
                table: "calls",
                column: "recording_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_canned_replies_short_code",
                table: "canned_replies",
                column: "short_code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_conversations_stations_station_id",
                table: "conversations",
                column: "station_id",
                principalTable: "stations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_conversations_stations_station_id",
                table: "conversations");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "canned_replies");

            migrationBuilder.DropIndex(
                name: "ix_conversations_channel_thread_key",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_labels",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_snoozed_until",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_station_id",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversation_messages_delivery_delivery_updated_at",
                table: "conversation_messages");

            migrationBuilder.DropIndex(
                name: "ix_conversation_messages_external_id",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "last_inbox_assignment_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "on_inbox_duty",
                table: "users");

            migrationBuilder.DropColumn(
                name: "channel_account",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "handle",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "labels",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "last_inbound_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "snoozed_until",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "station_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "status_before_snooze",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "thread_key",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "answered_at",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "delivery",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "delivery_attempts",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "delivery_error",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "delivery_updated_at",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "hidden",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "is_private",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "mentions",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "template",
                table: "conversation_messages");
        }
    }
}
