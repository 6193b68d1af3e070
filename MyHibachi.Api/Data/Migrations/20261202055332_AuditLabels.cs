using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "audit_log",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "data");

            migrationBuilder.AddColumn<string>(
                name: "label",
                table: "audit_log",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // The trail written before: name each record from its snapshot, and set sign-in bookkeeping apart.
            migrationBuilder.Sql("""
                UPDATE audit_log SET label = left(coalesce(
                    nullif(coalesce(after, before)->>'reference', ''), nullif(coalesce(after, before)->>'name', ''),
                    nullif(coalesce(after, before)->>'title', ''),
                    nullif(coalesce(after, before)->>'code', ''),
                    nullif(trim(concat(coalesce(after, before)->>'firstName', ' ', coalesce(after, before)->>'lastName')), ''),
                    nullif(coalesce(after, before)->>'email', '')), 200);
                UPDATE audit_log SET kind = 'sign-in'
                WHERE entity_type = 'User' AND action = 'update' AND before IS NOT NULL AND after IS NOT NULL
                  AND (before - ARRAY['lastLoginAt', 'failedLoginCount', 'lockoutEndsAt', 'updatedAt'])
                    = (after - ARRAY['lastLoginAt', 'failedLoginCount', 'lockoutEndsAt', 'updatedAt']);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_kind_id",
                table: "audit_log",
                columns: new[] { "kind", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_log_kind_id",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "label",
                table: "audit_log");
        }
    }
}
