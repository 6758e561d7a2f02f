using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DigitalTrainingHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DigitalTrainings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "ResultChangeReason",
                table: "DigitalTrainings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResultChangedAt",
                table: "DigitalTrainings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultChangedByName",
                table: "DigitalTrainings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DigitalTrainingId",
                table: "CreditRecords",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_DigitalTraining",
                table: "CreditRecords",
                columns: new[] { "DigitalTrainingId", "ProfessionalId" },
                unique: true,
                filter: "\"DigitalTrainingId\" IS NOT NULL AND \"CorrectsRecordId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_DigitalTrainingId",
                table: "CreditRecords",
                column: "DigitalTrainingId");

            migrationBuilder.AddForeignKey(
                name: "FK_CreditRecords_DigitalTrainings_DigitalTrainingId",
                table: "CreditRecords",
                column: "DigitalTrainingId",
                principalTable: "DigitalTrainings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CreditRecords_DigitalTrainings_DigitalTrainingId",
                table: "CreditRecords");

            migrationBuilder.DropIndex(
                name: "IX_CreditRecords_DigitalTraining",
                table: "CreditRecords");

            migrationBuilder.DropIndex(
                name: "IX_CreditRecords_DigitalTrainingId",
                table: "CreditRecords");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "DigitalTrainings");

            migrationBuilder.DropColumn(
                name: "ResultChangeReason",
                table: "DigitalTrainings");

            migrationBuilder.DropColumn(
                name: "ResultChangedAt",
                table: "DigitalTrainings");

            migrationBuilder.DropColumn(
                name: "ResultChangedByName",
                table: "DigitalTrainings");

            migrationBuilder.DropColumn(
                name: "DigitalTrainingId",
                table: "CreditRecords");
        }
    }
}
