using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionBaseExitAndExchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BaseFilingAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FilingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseFilingAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BaseFilingAttachments_BaseFilings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "BaseFilings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseExchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseExchanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseExitNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NoticeStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticeEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConcludedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcludedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseExitNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseExchangeParties",
                columns: table => new
                {
                    ExchangeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseExchangeParties", x => new { x.ExchangeId, x.BaseId });
                    table.ForeignKey(
                        name: "FK_SupBaseExchangeParties_SupBaseExchanges_ExchangeId",
                        column: x => x.ExchangeId,
                        principalTable: "SupBaseExchanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseExitObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseExitObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupBaseExitObjections_SupBaseExitNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "SupBaseExitNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BaseFilingAttachments_FilingId",
                table: "BaseFilingAttachments",
                column: "FilingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseExchangeParties_BaseId",
                table: "SupBaseExchangeParties",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseExchanges_HeldOn",
                table: "SupBaseExchanges",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseExitNotices_BaseId_Status",
                table: "SupBaseExitNotices",
                columns: new[] { "BaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseExitNotices_Status_NoticeEnd",
                table: "SupBaseExitNotices",
                columns: new[] { "Status", "NoticeEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseExitObjections_NoticeId_Status",
                table: "SupBaseExitObjections",
                columns: new[] { "NoticeId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BaseFilingAttachments");

            migrationBuilder.DropTable(
                name: "SupBaseExchangeParties");

            migrationBuilder.DropTable(
                name: "SupBaseExitObjections");

            migrationBuilder.DropTable(
                name: "SupBaseExchanges");

            migrationBuilder.DropTable(
                name: "SupBaseExitNotices");
        }
    }
}
