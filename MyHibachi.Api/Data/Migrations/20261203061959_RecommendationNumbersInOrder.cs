using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyHibachi.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationNumbersInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // json keeps the keys in the order they were written; the cast needs USING (jsonb has no assignment cast to json).
            migrationBuilder.Sql("ALTER TABLE marketing_recommendations ALTER COLUMN numbers TYPE json USING numbers::json;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE marketing_recommendations ALTER COLUMN numbers TYPE jsonb USING numbers::jsonb;");
        }
    }
}
