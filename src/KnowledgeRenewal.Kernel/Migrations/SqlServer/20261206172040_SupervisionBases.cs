using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupervisionBases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupAssessmentMethods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    TraineesWeight = table.Column<int>(type: "int", nullable: false),
                    SeminarsWeight = table.Column<int>(type: "int", nullable: false),
                    CoursesWeight = table.Column<int>(type: "int", nullable: false),
                    CompletionWeight = table.Column<int>(type: "int", nullable: false),
                    SatisfactionWeight = table.Column<int>(type: "int", nullable: false),
                    InspectionWeight = table.Column<int>(type: "int", nullable: false),
                    SeminarsTarget = table.Column<int>(type: "int", nullable: false),
                    CoursesTarget = table.Column<int>(type: "int", nullable: false),
                    PassMark = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupAssessmentMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    MethodVersion = table.Column<int>(type: "int", nullable: false),
                    Trainees = table.Column<int>(type: "int", nullable: false),
                    Seminars = table.Column<int>(type: "int", nullable: false),
                    PublicCourses = table.Column<int>(type: "int", nullable: false),
                    ProfessionalCourses = table.Column<int>(type: "int", nullable: false),
                    CompletionRate = table.Column<decimal>(type: "decimal(5,4)", precision: 5, scale: 4, nullable: true),
                    SatisfactionRate = table.Column<decimal>(type: "decimal(5,4)", precision: 5, scale: 4, nullable: true),
                    InspectionScore = table.Column<decimal>(type: "decimal(5,1)", precision: 5, scale: 1, nullable: true),
                    Inspections = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<decimal>(type: "decimal(5,1)", precision: 5, scale: 1, nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    ProposedExit = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AssessedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AssessedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseDesignations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ProjectNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Renewal = table.Column<bool>(type: "bit", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferenceNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseDesignations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ChangedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseStatusChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupClassEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClassId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<int>(type: "int", nullable: false),
                    Teacher = table.Column<int>(type: "int", nullable: false),
                    Organization = table.Column<int>(type: "int", nullable: false),
                    Usefulness = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupClassEvaluations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupAssessmentMethods_Version",
                table: "SupAssessmentMethods",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseAssessments_BaseId_Year",
                table: "SupBaseAssessments",
                columns: new[] { "BaseId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseAssessments_Year",
                table: "SupBaseAssessments",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseDesignations_BaseId_ValidFrom",
                table: "SupBaseDesignations",
                columns: new[] { "BaseId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseDesignations_ProjectId",
                table: "SupBaseDesignations",
                column: "ProjectId",
                unique: true,
                filter: "[ProjectId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupBaseStatusChanges_BaseId_ChangedAt",
                table: "SupBaseStatusChanges",
                columns: new[] { "BaseId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupClassEvaluations_ClassId_ProfessionalId",
                table: "SupClassEvaluations",
                columns: new[] { "ClassId", "ProfessionalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupClassEvaluations_ProviderId_Year",
                table: "SupClassEvaluations",
                columns: new[] { "ProviderId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupAssessmentMethods");

            migrationBuilder.DropTable(
                name: "SupBaseAssessments");

            migrationBuilder.DropTable(
                name: "SupBaseDesignations");

            migrationBuilder.DropTable(
                name: "SupBaseStatusChanges");

            migrationBuilder.DropTable(
                name: "SupClassEvaluations");
        }
    }
}
