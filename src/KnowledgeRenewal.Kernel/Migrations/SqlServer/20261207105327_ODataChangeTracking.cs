using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ODataChangeTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "TrainingClasses",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Projects",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Professionals",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Organizations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "CreditRecords",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "CreditCertificates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Compliance",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeTombstones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntitySet = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    EntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangeVersion = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Feed = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeTombstones", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ChangeCounters",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_ChangeVersion",
                table: "TrainingClasses",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ChangeVersion",
                table: "Projects",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Professionals_ChangeVersion",
                table: "Professionals",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ChangeVersion",
                table: "Organizations",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_ChangeVersion",
                table: "CreditRecords",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_CreditCertificates_ChangeVersion",
                table: "CreditCertificates",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_ChangeVersion",
                table: "Compliance",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTombstones_EntitySet_ChangeVersion",
                table: "ChangeTombstones",
                columns: new[] { "EntitySet", "ChangeVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTombstones_RemovedAt",
                table: "ChangeTombstones",
                column: "RemovedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeCounters");

            migrationBuilder.DropTable(
                name: "ChangeTombstones");

            migrationBuilder.DropIndex(
                name: "IX_TrainingClasses_ChangeVersion",
                table: "TrainingClasses");

            migrationBuilder.DropIndex(
                name: "IX_Projects_ChangeVersion",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Professionals_ChangeVersion",
                table: "Professionals");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_ChangeVersion",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_CreditRecords_ChangeVersion",
                table: "CreditRecords");

            migrationBuilder.DropIndex(
                name: "IX_CreditCertificates_ChangeVersion",
                table: "CreditCertificates");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_ChangeVersion",
                table: "Compliance");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "TrainingClasses");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "Professionals");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "CreditRecords");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "CreditCertificates");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "Compliance");
        }
    }
}
