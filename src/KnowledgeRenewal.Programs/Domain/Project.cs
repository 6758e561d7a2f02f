using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// A program project (重点项目) of one of the four types: who applies, who recommends it, who hosts it, what field it
/// serves, when and how it runs, how many it trains and how it is funded. Its <see cref="Status"/> moves only
/// through <see cref="ProjectWorkflow"/>; every move is kept as a <see cref="ProjectTransition"/>. Money is kept
/// in integer fen (分), exact on every database. Its region and sector decide who sees it: the county bureau of
/// <see cref="RegionCode"/>, the line department of <see cref="DepartmentCode"/>, the applicant and the host
/// provider, and the program office.
/// </summary>
public sealed class Project : IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>Longest title kept.</summary>
    public const int TitleLength = 128;

    /// <summary>Longest description or summary kept.</summary>
    public const int TextLength = 4000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Readable number, unique: <c>XM{year}-{type letter}{sequence}</c>, e.g. <c>XM2025-S0001</c>.</summary>
    public required string Number { get; init; }

    /// <summary>Title, in Chinese.</summary>
    public required string Title { get; set; }

    /// <summary>The project's type.</summary>
    public ProjectType Type { get; init; }

    /// <summary>National, provincial or municipal.</summary>
    public ProjectLevel Level { get; set; } = ProjectLevel.Municipal;

    /// <summary>Where it stands.</summary>
    public ProjectStatus Status { get; set; } = ProjectStatus.Draft;

    /// <summary>The key industry or social field it serves.</summary>
    public ProjectField Field { get; set; } = ProjectField.General;

    /// <summary>The applying organization (申报单位).</summary>
    public Guid ApplicantOrganizationId { get; init; }

    /// <summary>The recommending authority (推荐单位): the county bureau of the region or the line department of the sector.</summary>
    public Guid RecommenderOrganizationId { get; set; }

    /// <summary>The host provider (承办单位), if named.</summary>
    public Guid? ProviderId { get; set; }

    /// <summary>The region the project is for (the applicant's region); scopes county bureaus.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The sector the project is for, if any; scopes line departments.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>The credit year its hours count in.</summary>
    public int CreditYear { get; set; }

    /// <summary>First day of delivery.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day of delivery.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>Planned trainees.</summary>
    public int Capacity { get; set; }

    /// <summary>Offline, online or mixed.</summary>
    public DeliveryMode Mode { get; set; } = DeliveryMode.Offline;

    /// <summary>What the project does, in Chinese.</summary>
    public string? Description { get; set; }

    /// <summary>Funding from central finance (中央财政), in fen.</summary>
    public long CentralFundingFen { get; set; }

    /// <summary>Funding from provincial finance (省级财政), in fen.</summary>
    public long ProvincialFundingFen { get; set; }

    /// <summary>Funding from municipal finance (市级财政), in fen.</summary>
    public long MunicipalFundingFen { get; set; }

    /// <summary>Self-raised funds of the applicant or host (自筹), in fen.</summary>
    public long SelfRaisedFundingFen { get; set; }

    /// <summary>Employers' contributions (用人单位), in fen.</summary>
    public long EmployerFundingFen { get; set; }

    /// <summary>Trainees' own payments (个人), in fen.</summary>
    public long IndividualFundingFen { get; set; }

    /// <summary>The whole budget in fen (the sum of the funding lines; kept by <see cref="SetFunding"/>).</summary>
    public long BudgetTotalFen { get; private set; }

    /// <summary>Seminars: the talent level it targets (中高层次).</summary>
    public TitleLevel? TargetTitleLevel { get; set; }

    /// <summary>Capacity building: public or professional subjects.</summary>
    public CreditCategory? SubjectCategory { get; set; }

    /// <summary>Capacity building: the subject taught, if one.</summary>
    public string? SubjectCode { get; set; }

    /// <summary>Digital engineers: the digital-technology field code.</summary>
    public string? DigitalFieldCode { get; set; }

    /// <summary>Base construction: the base designation it builds on, if one exists.</summary>
    public Guid? EducationBaseId { get; set; }

    /// <summary>The reference number of the provincial or national decision (provincial and national projects).</summary>
    public string? UpstreamReference { get; set; }

    /// <summary>First day of the public notice (China Standard Time).</summary>
    public DateOnly? NoticeStart { get; set; }

    /// <summary>Last day of the public notice (China Standard Time); publishing is possible the day after.</summary>
    public DateOnly? NoticeEnd { get; set; }

    /// <summary>The completion summary (结项总结).</summary>
    public string? Summary { get; set; }

    /// <summary>Who created it.</summary>
    public Guid? CreatedByUserId { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>When it entered <see cref="Status"/> (UTC); step deadlines count from here.</summary>
    public DateTime StatusChangedAt { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The workflow history, oldest first.</summary>
    public List<ProjectTransition> Transitions { get; init; } = [];

    /// <summary>Expert reviews.</summary>
    public List<ProjectReview> Reviews { get; init; } = [];

    /// <summary>Objections filed during the public notice.</summary>
    public List<ProjectObjection> Objections { get; init; } = [];

    /// <summary>Sets every funding line (fen, none negative) and the total.</summary>
    public void SetFunding(long central, long provincial, long municipal, long selfRaised, long employer, long individual)
    {
        long[] lines = [central, provincial, municipal, selfRaised, employer, individual];
        if (lines.Any(l => l < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(central), "Funding lines cannot be negative.");
        }

        CentralFundingFen = central;
        ProvincialFundingFen = provincial;
        MunicipalFundingFen = municipal;
        SelfRaisedFundingFen = selfRaised;
        EmployerFundingFen = employer;
        IndividualFundingFen = individual;
        BudgetTotalFen = checked(lines.Sum());
    }
}

/// <summary>One step of a project's workflow history (申报历史): from, to, what, who, when and why.</summary>
public sealed class ProjectTransition
{
    /// <summary>Longest comment kept.</summary>
    public const int CommentLength = 1000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The project.</summary>
    public Guid ProjectId { get; init; }

    /// <summary>1 for the first step of the project, then counting up.</summary>
    public int Sequence { get; init; }

    /// <summary>The state before.</summary>
    public ProjectStatus FromStatus { get; init; }

    /// <summary>The state after.</summary>
    public ProjectStatus ToStatus { get; init; }

    /// <summary>What was done.</summary>
    public ProjectAction Action { get; init; }

    /// <summary>The acting account.</summary>
    public Guid? ActorUserId { get; init; }

    /// <summary>The acting person's display name.</summary>
    public string? ActorName { get; init; }

    /// <summary>The role the step was taken in.</summary>
    public required string ActorRole { get; init; }

    /// <summary>The acting person's organization.</summary>
    public Guid? ActorOrganizationId { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; init; }

    /// <summary>The comment given.</summary>
    public string? Comment { get; init; }

    /// <summary>The expert, for <see cref="ProjectAction.Score"/>.</summary>
    public string? ExpertName { get; init; }

    /// <summary>The expert's score (0–100), for <see cref="ProjectAction.Score"/>.</summary>
    public int? ExpertScore { get; init; }

    /// <summary>The upstream decision's reference number, where one applies.</summary>
    public string? ReferenceNumber { get; init; }
}

/// <summary>An expert's score and comment on a project under review, recorded by the program office.</summary>
public sealed class ProjectReview
{
    /// <summary>Longest comment kept.</summary>
    public const int CommentLength = 2000;

    /// <summary>Highest score.</summary>
    public const int MaxScore = 100;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The project.</summary>
    public Guid ProjectId { get; init; }

    /// <summary>The expert of the pool (null on reviews recorded before the pool named experts).</summary>
    public Guid? ExpertId { get; init; }

    /// <summary>The expert's name when the review was recorded (a snapshot: the history keeps it if the pool changes).</summary>
    public required string ExpertName { get; init; }

    /// <summary>Score, 0–100.</summary>
    public int Score { get; init; }

    /// <summary>The expert's comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Who recorded it.</summary>
    public Guid? RecordedByUserId { get; init; }

    /// <summary>Who recorded it (display name).</summary>
    public string? RecordedByName { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; init; }
}

/// <summary>
/// An objection (异议) anyone filed against a project in public notice. The contact details are kept for the program
/// office only: they are never shown publicly and are masked for everyone else.
/// </summary>
public sealed class ProjectObjection
{
    /// <summary>Longest reason kept.</summary>
    public const int ReasonLength = 2000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The project.</summary>
    public Guid ProjectId { get; init; }

    /// <summary>The objection's content.</summary>
    public required string Reason { get; init; }

    /// <summary>The filer's name (private).</summary>
    public required string ContactName { get; init; }

    /// <summary>The filer's phone (private).</summary>
    public required string ContactPhone { get; init; }

    /// <summary>When it was filed (UTC).</summary>
    public DateTime FiledAt { get; init; }

    /// <summary>Where it stands.</summary>
    public ObjectionStatus Status { get; set; } = ObjectionStatus.Pending;

    /// <summary>The program office's resolution.</summary>
    public string? Resolution { get; set; }

    /// <summary>Who resolved it.</summary>
    public Guid? ResolvedByUserId { get; set; }

    /// <summary>Who resolved it (display name).</summary>
    public string? ResolvedByName { get; set; }

    /// <summary>When it was resolved (UTC).</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
