using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CreditYearFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_DayFigures",
                table: "CreditRecords",
                columns: new[] { "Date", "Status", "Source", "ProfessionalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_YearFigures",
                table: "CreditRecords",
                columns: new[] { "CreditYear", "Status", "Source", "ProfessionalId", "RegionCode", "DepartmentCode", "ClassId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CreditRecords_DayFigures",
                table: "CreditRecords");

            migrationBuilder.DropIndex(
                name: "IX_CreditRecords_YearFigures",
                table: "CreditRecords");
        }
    }
}
