using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Professionals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "CreditRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "CreditCertificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "Compliance",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeTombstones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntitySet = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Feed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true)
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
