using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplianceEmployer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Compliance_EmployerId",
                table: "Compliance",
                column: "EmployerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Compliance_Organizations_EmployerId",
                table: "Compliance",
                column: "EmployerId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Compliance_Organizations_EmployerId",
                table: "Compliance");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_EmployerId",
                table: "Compliance");
        }
    }
}
