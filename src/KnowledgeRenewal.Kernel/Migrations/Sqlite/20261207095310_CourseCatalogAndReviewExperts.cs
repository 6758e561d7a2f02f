using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CourseCatalogAndReviewExperts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProjectReviews_ProjectId_ExpertName",
                table: "ProjectReviews");

            migrationBuilder.AddColumn<Guid>(
                name: "CourseId",
                table: "TrainingClasses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExpertId",
                table: "ProjectReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeveloperKind = table.Column<int>(type: "INTEGER", nullable: false),
                    DeveloperOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeveloperName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CourseMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("PK_CourseMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseMaterials_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_CourseId",
                table: "TrainingClasses",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_ExpertId",
                table: "ProjectReviews",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_ProjectId_ExpertId",
                table: "ProjectReviews",
                columns: new[] { "ProjectId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseMaterials_CourseId",
                table: "CourseMaterials",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_DeveloperOrganizationId",
                table: "Courses",
                column: "DeveloperOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_SubjectId",
                table: "Courses",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Title",
                table: "Courses",
                column: "Title");

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingClasses_Courses_CourseId",
                table: "TrainingClasses",
                column: "CourseId",
                principalTable: "Courses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrainingClasses_Courses_CourseId",
                table: "TrainingClasses");

            migrationBuilder.DropTable(
                name: "CourseMaterials");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropIndex(
                name: "IX_TrainingClasses_CourseId",
                table: "TrainingClasses");

            migrationBuilder.DropIndex(
                name: "IX_ProjectReviews_ExpertId",
                table: "ProjectReviews");

            migrationBuilder.DropIndex(
                name: "IX_ProjectReviews_ProjectId_ExpertId",
                table: "ProjectReviews");

            migrationBuilder.DropColumn(
                name: "CourseId",
                table: "TrainingClasses");

            migrationBuilder.DropColumn(
                name: "ExpertId",
                table: "ProjectReviews");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_ProjectId_ExpertName",
                table: "ProjectReviews",
                columns: new[] { "ProjectId", "ExpertName" },
                unique: true);
        }
    }
}
