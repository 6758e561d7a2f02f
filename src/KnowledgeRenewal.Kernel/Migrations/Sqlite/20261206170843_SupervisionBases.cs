using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TraineesWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    SeminarsWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    CoursesWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletionWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    SeminarsTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    CoursesTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    PassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupAssessmentMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MethodVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Trainees = table.Column<int>(type: "INTEGER", nullable: false),
                    Seminars = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicCourses = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalCourses = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletionRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    SatisfactionRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    InspectionScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Inspections = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposedExit = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AssessedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseDesignations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Renewal = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferenceNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseDesignations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupBaseStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupBaseStatusChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupClassEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<int>(type: "INTEGER", nullable: false),
                    Teacher = table.Column<int>(type: "INTEGER", nullable: false),
                    Organization = table.Column<int>(type: "INTEGER", nullable: false),
                    Usefulness = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                unique: true);

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
