using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplianceSummaryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_DepartmentCode_Status",
                table: "Compliance");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_EmployerId_Status",
                table: "Compliance");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_RegionCode_Status",
                table: "Compliance");

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_CycleEnd_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "CycleEnd", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_CycleEnd_Status",
                table: "Compliance");

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_DepartmentCode_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "DepartmentCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_EmployerId_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "EmployerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_RegionCode_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "RegionCode", "Status" });
        }
    }
}
