using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ObjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectName = table.Column<string>(type: "TEXT", maxLength: 168, nullable: false),
                    ObjectRegionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ContactPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssigneeOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AssigneeRegionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AssigneeDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReferredTo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AssignmentNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssignedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    FindingText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublicOutcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedLateBy = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Code",
                table: "Complaints",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ObjectKind_ObjectId",
                table: "Complaints",
                columns: new[] { "ObjectKind", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_DueOn",
                table: "Complaints",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
