using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddDigitalEngineers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DigitalInstitutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ListedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ListedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigitalInstitutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigitalInstitutions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DigitalInstitutionScopes",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigitalInstitutionScopes", x => new { x.InstitutionId, x.Field, x.Level });
                    table.ForeignKey(
                        name: "FK_DigitalInstitutionScopes_DigitalInstitutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "DigitalInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DigitalTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<int>(type: "int", nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigitalTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigitalTrainings_DigitalInstitutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "DigitalInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DigitalTrainings_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DigitalEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainingOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "int", nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigitalEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigitalEvaluations_DigitalInstitutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "DigitalInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DigitalEvaluations_DigitalTrainings_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "DigitalTrainings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DigitalCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HolderNameMasked = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    HolderIdMasked = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TitleLinkage = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    TrainingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IssuerInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IssuerOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainingOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    IssuedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigitalCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigitalCertificates_DigitalEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "DigitalEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DigitalCertificates_DigitalTrainings_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "DigitalTrainings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubsidyClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SubmissionNote = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecisionComment = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PaidByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PaidByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PaymentReference = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubsidyClaims_DigitalCertificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "DigitalCertificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigitalCertificates_EvaluationId",
                table: "DigitalCertificates",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalCertificates_Number",
                table: "DigitalCertificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigitalCertificates_ProfessionalId",
                table: "DigitalCertificates",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalCertificates_TrainingId_Kind",
                table: "DigitalCertificates",
                columns: new[] { "TrainingId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigitalCertificates_Year_Field_Level",
                table: "DigitalCertificates",
                columns: new[] { "Year", "Field", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_DigitalEvaluations_InstitutionId",
                table: "DigitalEvaluations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalEvaluations_InstitutionOrganizationId",
                table: "DigitalEvaluations",
                column: "InstitutionOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalEvaluations_ProfessionalId",
                table: "DigitalEvaluations",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalEvaluations_TrainingId_Passed",
                table: "DigitalEvaluations",
                columns: new[] { "TrainingId", "Passed" });

            migrationBuilder.CreateIndex(
                name: "IX_DigitalInstitutions_OrganizationId",
                table: "DigitalInstitutions",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigitalTrainings_InstitutionId",
                table: "DigitalTrainings",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalTrainings_InstitutionOrganizationId",
                table: "DigitalTrainings",
                column: "InstitutionOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalTrainings_ProfessionalId_Field_Level",
                table: "DigitalTrainings",
                columns: new[] { "ProfessionalId", "Field", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyClaims_CertificateId",
                table: "SubsidyClaims",
                column: "CertificateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyClaims_ProfessionalId",
                table: "SubsidyClaims",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyClaims_RegionCode_Status",
                table: "SubsidyClaims",
                columns: new[] { "RegionCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigitalInstitutionScopes");

            migrationBuilder.DropTable(
                name: "SubsidyClaims");

            migrationBuilder.DropTable(
                name: "DigitalCertificates");

            migrationBuilder.DropTable(
                name: "DigitalEvaluations");

            migrationBuilder.DropTable(
                name: "DigitalTrainings");

            migrationBuilder.DropTable(
                name: "DigitalInstitutions");
        }
    }
}
