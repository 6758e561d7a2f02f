using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionFunding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectCategoryBudgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCategoryBudgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpendingLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Payee = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VoucherFileName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    VoucherContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VoucherSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    FlagReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedByOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExplainedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExplainedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendingLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpendingVouchers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendingVouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpendingVouchers_SpendingLines_Id",
                        column: x => x.Id,
                        principalTable: "SpendingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCategoryBudgets_ProjectId_Category",
                table: "ProjectCategoryBudgets",
                columns: new[] { "ProjectId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpendingLines_Flags_ExplainedAt",
                table: "SpendingLines",
                columns: new[] { "Flags", "ExplainedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpendingLines_ProjectId_SpentOn",
                table: "SpendingLines",
                columns: new[] { "ProjectId", "SpentOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectCategoryBudgets");

            migrationBuilder.DropTable(
                name: "SpendingVouchers");

            migrationBuilder.DropTable(
                name: "SpendingLines");
        }
    }
}
