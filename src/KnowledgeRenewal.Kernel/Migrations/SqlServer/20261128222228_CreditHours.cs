using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CreditHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FlaggedCount",
                table: "ImportJobs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "TargetId",
                table: "ImportJobs",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WarningCount",
                table: "ImportJobs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "ImportJobs",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CertificateVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CodePrefix = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Result = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ClientAddress = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateVerifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Compliance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CycleStart = table.Column<int>(type: "int", nullable: false),
                    CycleEnd = table.Column<int>(type: "int", nullable: false),
                    RuleScope = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RuleSetTitle = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CountedHundredths = table.Column<long>(type: "bigint", nullable: false),
                    RequiredHundredths = table.Column<long>(type: "bigint", nullable: false),
                    CountedHours = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false, computedColumnSql: "CONVERT(decimal(12,2), [CountedHundredths] / 100.0)", stored: true),
                    RequiredHours = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false, computedColumnSql: "CONVERT(decimal(12,2), [RequiredHundredths] / 100.0)", stored: true),
                    PublicCountedHundredths = table.Column<long>(type: "bigint", nullable: false),
                    ProfessionalCountedHundredths = table.Column<long>(type: "bigint", nullable: false),
                    Missing = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Compliance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Compliance_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SupersededById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevocationReason = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    RevokedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    HolderName = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    HolderIdMasked = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    EmployerName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    PublicHoursHundredths = table.Column<long>(type: "bigint", nullable: false),
                    ProfessionalHoursHundredths = table.Column<long>(type: "bigint", nullable: false),
                    TotalHoursHundredths = table.Column<long>(type: "bigint", nullable: false),
                    ComplianceText = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecordsFingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Credential = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditCertificates_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingClasses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    HoursHundredths = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubjectCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Activity = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    CreditClass = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Mode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingClasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_Organizations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CreditYear = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubjectCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    SubjectName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ModuleKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Activity = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    CreditClass = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    HoursHundredths = table.Column<long>(type: "bigint", nullable: false),
                    Hours = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false, computedColumnSql: "CONVERT(decimal(12,2), [HoursHundredths] / 100.0)", stored: true),
                    EnteredAmount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    EnteredUnit = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClassId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DeclarationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ImportJobId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SourceFile = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ExternalReference = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReviewedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewReason = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    RevokedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RevokedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevocationReason = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    CorrectedByRecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CorrectsRecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Flag = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    FlagDetail = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditRecords_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditRecords_Organizations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditRecords_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditRecords_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditRecords_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Activity = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Organizer = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubjectCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Items = table.Column<int>(type: "int", nullable: true),
                    ClaimedAmount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    ClaimedUnit = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    HoursHundredths = table.Column<long>(type: "bigint", nullable: false),
                    ModuleKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    CreditClass = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    CreditRecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EmployerReviewerName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    EmployerReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EmployerComment = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    DepartmentReviewerName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DepartmentReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DepartmentComment = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityDeclarations_CreditRecords_CreditRecordId",
                        column: x => x.CreditRecordId,
                        principalTable: "CreditRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActivityDeclarations_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeclarationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_ActivityDeclarations_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "ActivityDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDeclarations_CreditRecordId",
                table: "ActivityDeclarations",
                column: "CreditRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDeclarations_DepartmentCode_Status",
                table: "ActivityDeclarations",
                columns: new[] { "DepartmentCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDeclarations_EmployerId_Status",
                table: "ActivityDeclarations",
                columns: new[] { "EmployerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityDeclarations_ProfessionalId_SubmittedAt",
                table: "ActivityDeclarations",
                columns: new[] { "ProfessionalId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateVerifications_CertificateId",
                table: "CertificateVerifications",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateVerifications_VerifiedAt",
                table: "CertificateVerifications",
                column: "VerifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_DepartmentCode_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "DepartmentCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_EmployerId_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "EmployerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_CycleStart_RegionCode_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Compliance_ProfessionalId_CycleStart",
                table: "Compliance",
                columns: new[] { "ProfessionalId", "CycleStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditCertificates_Number",
                table: "CreditCertificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditCertificates_ProfessionalId_Year_Version",
                table: "CreditCertificates",
                columns: new[] { "ProfessionalId", "Year", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditCertificates_VerificationCode",
                table: "CreditCertificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_ClassId_ProfessionalId",
                table: "CreditRecords",
                columns: new[] { "ClassId", "ProfessionalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_CreditYear_DepartmentCode",
                table: "CreditRecords",
                columns: new[] { "CreditYear", "DepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_CreditYear_RegionCode",
                table: "CreditRecords",
                columns: new[] { "CreditYear", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_DeclarationId",
                table: "CreditRecords",
                column: "DeclarationId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_DepartmentCode",
                table: "CreditRecords",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_ImportJobId",
                table: "CreditRecords",
                column: "ImportJobId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_ProfessionalId_Date",
                table: "CreditRecords",
                columns: new[] { "ProfessionalId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_ProviderId",
                table: "CreditRecords",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_RegionCode",
                table: "CreditRecords",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_Status",
                table: "CreditRecords",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_DeclarationId",
                table: "EvidenceFiles",
                column: "DeclarationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_ProjectId",
                table: "TrainingClasses",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_ProviderId_StartDate",
                table: "TrainingClasses",
                columns: new[] { "ProviderId", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateVerifications");

            migrationBuilder.DropTable(
                name: "Compliance");

            migrationBuilder.DropTable(
                name: "CreditCertificates");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ActivityDeclarations");

            migrationBuilder.DropTable(
                name: "CreditRecords");

            migrationBuilder.DropTable(
                name: "TrainingClasses");

            migrationBuilder.DropColumn(
                name: "FlaggedCount",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "TargetId",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "WarningCount",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "ImportJobs");
        }
    }
}
