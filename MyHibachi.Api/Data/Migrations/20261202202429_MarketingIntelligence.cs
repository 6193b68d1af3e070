using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MarketingIntelligence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attribution",
                table: "bookings",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ads_campaigns",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    daily_budget_micros = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ads_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ads_experiments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    arms = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ads_experiments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpa_alert_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    max_cpa_cents = table.Column<long>(type: "bigint", nullable: false),
                    lookback_days = table.Column<int>(type: "integer", nullable: false),
                    min_spend_cents = table.Column<long>(type: "bigint", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpa_alert_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_facts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    report = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    key1 = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    key2 = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    clicks = table.Column<long>(type: "bigint", nullable: false),
                    impressions = table.Column<long>(type: "bigint", nullable: false),
                    cost_micros = table.Column<long>(type: "bigint", nullable: false),
                    conversions = table.Column<double>(type: "double precision", nullable: false),
                    position = table.Column<double>(type: "double precision", nullable: false),
                    sessions = table.Column<long>(type: "bigint", nullable: false),
                    users = table.Column<long>(type: "bigint", nullable: false),
                    key_events = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    numbers = table.Column<string>(type: "jsonb", nullable: false),
                    origin = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_recommendations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "marketing_sources",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    property = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    login_customer_id = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    monthly_budget_cents = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    data_from = table.Column<DateOnly>(type: "date", nullable: true),
                    data_to = table.Column<DateOnly>(type: "date", nullable: true),
                    demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_sources", x => x.source);
                    table.ForeignKey(
                        name: "fk_marketing_sources_google_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "google_connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "search_page_inspections",
                columns: table => new
                {
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    verdict = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    coverage_state = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    page_fetch_state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    robots_txt_state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    indexing_state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    last_crawl_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_page_inspections", x => x.url);
                });

            migrationBuilder.CreateTable(
                name: "cpa_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    spent_cents = table.Column<long>(type: "bigint", nullable: false),
                    conversions = table.Column<double>(type: "double precision", nullable: false),
                    cpa_cents = table.Column<long>(type: "bigint", nullable: true),
                    max_cpa_cents = table.Column<long>(type: "bigint", nullable: false),
                    lookback_days = table.Column<int>(type: "integer", nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cpa_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cpa_alerts_cpa_alert_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "cpa_alert_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cpa_alerts_rule_id_campaign_id_day",
                table: "cpa_alerts",
                columns: new[] { "rule_id", "campaign_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_marketing_facts_report_date",
                table: "marketing_facts",
                columns: new[] { "report", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_marketing_facts_source_date",
                table: "marketing_facts",
                columns: new[] { "source", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_marketing_sources_connection_id",
                table: "marketing_sources",
                column: "connection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ads_campaigns");

            migrationBuilder.DropTable(
                name: "ads_experiments");

            migrationBuilder.DropTable(
                name: "cpa_alerts");

            migrationBuilder.DropTable(
                name: "marketing_facts");

            migrationBuilder.DropTable(
                name: "marketing_recommendations");

            migrationBuilder.DropTable(
                name: "marketing_sources");

            migrationBuilder.DropTable(
                name: "search_page_inspections");

            migrationBuilder.DropTable(
                name: "cpa_alert_rules");

            migrationBuilder.DropColumn(
                name: "attribution",
                table: "bookings");
        }
    }
}
