using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NestedPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualPlans_Year",
                table: "AnnualPlans");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "PlanTargets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "City");

            migrationBuilder.AddColumn<string>(
                name: "ScopeCode",
                table: "PlanTargets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "EnforceShares",
                table: "AnnualPlans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "AnnualPlans",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "City");

            migrationBuilder.AddColumn<string>(
                name: "ScopeCode",
                table: "AnnualPlans",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualPlans_Year_Scope_ScopeCode",
                table: "AnnualPlans",
                columns: new[] { "Year", "Scope", "ScopeCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnnualPlans_Year_Scope_ScopeCode",
                table: "AnnualPlans");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "ScopeCode",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "EnforceShares",
                table: "AnnualPlans");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "AnnualPlans");

            migrationBuilder.DropColumn(
                name: "ScopeCode",
                table: "AnnualPlans");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualPlans_Year",
                table: "AnnualPlans",
                column: "Year",
                unique: true);
        }
    }
}
