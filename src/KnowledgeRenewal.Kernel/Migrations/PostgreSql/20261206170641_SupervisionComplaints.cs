using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObjectKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ObjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectName = table.Column<string>(type: "character varying(168)", maxLength: 168, nullable: false),
                    ObjectRegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ContactPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssigneeOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AssigneeRegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AssigneeDepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReferredTo = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AssignmentNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssignedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Finding = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    FindingText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublicOutcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResolvedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedLateBy = table.Column<int>(type: "integer", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
