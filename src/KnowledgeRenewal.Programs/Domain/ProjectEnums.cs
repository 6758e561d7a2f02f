namespace KnowledgeRenewal.Programs.Domain;

/// <summary>The four kinds of program project of the seed (三、重点项目).</summary>
public enum ProjectType
{
    /// <summary>高级研修项目 — advanced seminar.</summary>
    AdvancedSeminar = 1,

    /// <summary>专业技术人员能力提升项目 — capacity-improvement training.</summary>
    CapacityBuilding = 2,

    /// <summary>数字技术工程师培育项目 — digital-technology-engineer cultivation.</summary>
    DigitalEngineer = 3,

    /// <summary>继续教育基地建设项目 — continuing-education base construction.</summary>
    BaseConstruction = 4,
}

/// <summary>The level a project is run (and approved) at.</summary>
public enum ProjectLevel
{
    /// <summary>国家级 — recommended upward by the program office; decided by the ministry.</summary>
    National = 1,

    /// <summary>省级 — recommended upward by the program office; decided by the province.</summary>
    Provincial = 2,

    /// <summary>市级 — reviewed and approved by the program office.</summary>
    Municipal = 3,
}

/// <summary>Where a project stands in its workflow (see <see cref="ProjectWorkflow"/>).</summary>
public enum ProjectStatus
{
    /// <summary>草稿 — the applicant is editing it.</summary>
    Draft = 1,

    /// <summary>已申报 — submitted, waiting for the recommending authority.</summary>
    Submitted = 2,

    /// <summary>已推荐 — recommended by the county bureau or line department, waiting for review.</summary>
    Recommended = 3,

    /// <summary>评审中 — under expert review at the program office.</summary>
    UnderReview = 4,

    /// <summary>已上报 — provincial or national: recommended upward, waiting for the outcome.</summary>
    ForwardedUpstream = 5,

    /// <summary>已批准.</summary>
    Approved = 6,

    /// <summary>未通过 — rejected (by review, upstream, or an upheld objection).</summary>
    Rejected = 7,

    /// <summary>公示中 — in its public notice period.</summary>
    PublicNotice = 8,

    /// <summary>已发布.</summary>
    Published = 9,

    /// <summary>实施中.</summary>
    InProgress = 10,

    /// <summary>已结项 — roster uploaded and summary filed.</summary>
    Completed = 11,

    /// <summary>已归档.</summary>
    Archived = 12,
}

/// <summary>What a workflow step does; the last path segment of <c>POST /api/projects/{id}/{action}</c>.</summary>
public enum ProjectAction
{
    /// <summary>申报 — the applicant submits the draft.</summary>
    Submit = 1,

    /// <summary>撤回 — the applicant takes a submitted application back to draft.</summary>
    Withdraw = 2,

    /// <summary>退回修改 — the recommending authority sends it back to the applicant.</summary>
    Return = 3,

    /// <summary>推荐 — the recommending authority recommends it.</summary>
    Recommend = 4,

    /// <summary>组织评审 — the program office opens the expert review.</summary>
    StartReview = 5,

    /// <summary>录入专家评分 — an expert's score and comment is recorded (state unchanged).</summary>
    Score = 6,

    /// <summary>批准 — municipal projects only.</summary>
    Approve = 7,

    /// <summary>不予批准.</summary>
    Reject = 8,

    /// <summary>向上推荐 — provincial and national projects only.</summary>
    RecommendUpward = 9,

    /// <summary>登记上级批准结果 (with the decision's reference number).</summary>
    RecordUpstreamApproval = 10,

    /// <summary>登记上级未批准结果 (with the decision's reference number).</summary>
    RecordUpstreamRejection = 11,

    /// <summary>开始公示.</summary>
    StartNotice = 12,

    /// <summary>异议成立 — an upheld objection ends the notice with a rejection.</summary>
    UpholdObjection = 13,

    /// <summary>发布 — only after the notice period, with every objection resolved.</summary>
    Publish = 14,

    /// <summary>开班实施.</summary>
    Start = 15,

    /// <summary>结项 — needs a finished class with credit records and a summary.</summary>
    Complete = 16,

    /// <summary>归档.</summary>
    Archive = 17,
}

/// <summary>The seed's six key industries and four social fields (二) a project serves.</summary>
public enum ProjectField
{
    /// <summary>高端装备.</summary>
    HighEndEquipment = 1,

    /// <summary>高端化工.</summary>
    HighEndChemicals = 2,

    /// <summary>新能源.</summary>
    NewEnergy = 3,

    /// <summary>新一代信息技术.</summary>
    NextGenerationIt = 4,

    /// <summary>新材料.</summary>
    NewMaterials = 5,

    /// <summary>医养健康（生物医药）.</summary>
    Pharmaceuticals = 6,

    /// <summary>教育.</summary>
    Education = 11,

    /// <summary>卫生健康.</summary>
    Health = 12,

    /// <summary>宣传文化.</summary>
    PublicityAndCulture = 13,

    /// <summary>社会工作.</summary>
    SocialWork = 14,

    /// <summary>综合（不限行业）.</summary>
    General = 99,
}

/// <summary>Where a public objection stands.</summary>
public enum ObjectionStatus
{
    /// <summary>待处理.</summary>
    Pending = 1,

    /// <summary>异议成立 — the project goes back to rejected.</summary>
    Upheld = 2,

    /// <summary>异议不成立.</summary>
    Dismissed = 3,
}
