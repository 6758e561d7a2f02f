using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProgramProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_DepartmentCode_Status",
                table: "Compliance");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_EmployerId_Status",
                table: "Compliance");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_RegionCode_Status",
                table: "Compliance");

            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "TrainingClasses",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                computedColumnSql: "CAST(\"HoursHundredths\" AS numeric(14,2)) / 100",
                stored: true);

            migrationBuilder.CreateTable(
                name: "AnnualPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigitalInstitutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ListedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ListedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Field = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ApplicantOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommenderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreditYear = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CentralFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    ProvincialFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    MunicipalFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    SelfRaisedFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    EmployerFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    IndividualFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    BudgetTotalFen = table.Column<long>(type: "bigint", nullable: false),
                    TargetTitleLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SubjectCategory = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SubjectCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DigitalFieldCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    EducationBaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpstreamReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NoticeStart = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Departments_DepartmentCode",
                        column: x => x.DepartmentCode,
                        principalTable: "Departments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_EducationBases_EducationBaseId",
                        column: x => x.EducationBaseId,
                        principalTable: "EducationBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Organizations_ApplicantOrganizationId",
                        column: x => x.ApplicantOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Organizations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Organizations_RecommenderOrganizationId",
                        column: x => x.RecommenderOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Projects = table.Column<int>(type: "integer", nullable: true),
                    Trainees = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargets_AnnualPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "AnnualPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DigitalInstitutionScopes",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "ProjectObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResolvedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResolvedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectObjections_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpertName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectReviews_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpertName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExpertScore = table.Column<int>(type: "integer", nullable: true),
                    ReferenceNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectTransitions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DigitalEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainingOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderNameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HolderIdMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TitleLinkage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    TrainingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuerInstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainingOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmissionNote = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionComment = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PaidByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "IX_Compliance_CycleStart_CycleEnd_Status",
                table: "Compliance",
                columns: new[] { "CycleStart", "CycleEnd", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualPlans_Year",
                table: "AnnualPlans",
                column: "Year",
                unique: true);

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
                name: "IX_PlanTargets_PlanId_Kind_Key",
                table: "PlanTargets",
                columns: new[] { "PlanId", "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_Year",
                table: "PlanTargets",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectObjections_ProjectId_Status",
                table: "ProjectObjections",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectReviews_ProjectId_ExpertName",
                table: "ProjectReviews",
                columns: new[] { "ProjectId", "ExpertName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ApplicantOrganizationId",
                table: "Projects",
                column: "ApplicantOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_CreditYear_Type_Status",
                table: "Projects",
                columns: new[] { "CreditYear", "Type", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_DepartmentCode_Status",
                table: "Projects",
                columns: new[] { "DepartmentCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_EducationBaseId",
                table: "Projects",
                column: "EducationBaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Number",
                table: "Projects",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ProviderId",
                table: "Projects",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_RecommenderOrganizationId",
                table: "Projects",
                column: "RecommenderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_RegionCode_Status",
                table: "Projects",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Status",
                table: "Projects",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTransitions_At",
                table: "ProjectTransitions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTransitions_ProjectId_Sequence",
                table: "ProjectTransitions",
                columns: new[] { "ProjectId", "Sequence" },
                unique: true);

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

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingClasses_Projects_ProjectId",
                table: "TrainingClasses",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrainingClasses_Projects_ProjectId",
                table: "TrainingClasses");

            migrationBuilder.DropTable(
                name: "DigitalInstitutionScopes");

            migrationBuilder.DropTable(
                name: "PlanTargets");

            migrationBuilder.DropTable(
                name: "ProjectObjections");

            migrationBuilder.DropTable(
                name: "ProjectReviews");

            migrationBuilder.DropTable(
                name: "ProjectTransitions");

            migrationBuilder.DropTable(
                name: "SubsidyClaims");

            migrationBuilder.DropTable(
                name: "AnnualPlans");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "DigitalCertificates");

            migrationBuilder.DropTable(
                name: "DigitalEvaluations");

            migrationBuilder.DropTable(
                name: "DigitalTrainings");

            migrationBuilder.DropTable(
                name: "DigitalInstitutions");

            migrationBuilder.DropIndex(
                name: "IX_Compliance_CycleStart_CycleEnd_Status",
                table: "Compliance");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "TrainingClasses");

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
        }
    }
}
