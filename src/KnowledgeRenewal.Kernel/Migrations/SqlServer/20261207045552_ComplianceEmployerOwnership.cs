using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplianceEmployerOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmployerOwnership",
                table: "Compliance",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Public");

            // Existing rows: the ownership of the employer recorded on each (ADR 0019).
            migrationBuilder.Sql("UPDATE [Compliance] SET [EmployerOwnership] = COALESCE((SELECT o.[Ownership] FROM [Organizations] o WHERE o.[Id] = [Compliance].[EmployerId]), N'Public');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmployerOwnership",
                table: "Compliance");
        }
    }
}
