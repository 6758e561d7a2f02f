using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SupervisionFeeStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmployerTrainingFunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PayrollFen = table.Column<long>(type: "bigint", nullable: false),
                    TrainingSpentFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerTrainingFunds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeeStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    BaseName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FeeFen = table.Column<long>(type: "bigint", nullable: false),
                    TeachingFen = table.Column<long>(type: "bigint", nullable: false),
                    MaterialsFen = table.Column<long>(type: "bigint", nullable: false),
                    VenueFen = table.Column<long>(type: "bigint", nullable: false),
                    AccommodationFen = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationFen = table.Column<long>(type: "bigint", nullable: false),
                    OtherFen = table.Column<long>(type: "bigint", nullable: false),
                    CostFen = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeStandards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerTrainingFunds_EmployerId_Year",
                table: "EmployerTrainingFunds",
                columns: new[] { "EmployerId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmployerTrainingFunds_Year",
                table: "EmployerTrainingFunds",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_FeeStandards_BaseId_Year_Kind",
                table: "FeeStandards",
                columns: new[] { "BaseId", "Year", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeeStandards_Year_Status",
                table: "FeeStandards",
                columns: new[] { "Year", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmployerTrainingFunds");

            migrationBuilder.DropTable(
                name: "FeeStandards");
        }
    }
}
