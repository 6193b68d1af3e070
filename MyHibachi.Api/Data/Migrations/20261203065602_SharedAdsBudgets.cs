using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedAdsBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "budget_id",
                table: "ads_campaigns",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "budget_id",
                table: "ads_campaigns");
        }
    }
}
