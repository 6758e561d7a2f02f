namespace KnowledgeRenewal.Programs.Domain;

/// <summary>Chinese names of the project vocabulary (for problems, pages and views).</summary>
public static class ProjectLabels
{
    /// <summary>The Chinese name of a type.</summary>
    public static string Type(ProjectType type) => type switch
    {
        ProjectType.AdvancedSeminar => "高级研修项目",
        ProjectType.CapacityBuilding => "专业技术人员能力提升项目",
        ProjectType.DigitalEngineer => "数字技术工程师培育项目",
        ProjectType.BaseConstruction => "继续教育基地建设项目",
        _ => type.ToString(),
    };

    /// <summary>The Chinese name of a level.</summary>
    public static string Level(ProjectLevel level) => level switch
    {
        ProjectLevel.National => "国家级",
        ProjectLevel.Provincial => "省级",
        ProjectLevel.Municipal => "市级",
        _ => level.ToString(),
    };

    /// <summary>The Chinese name of a state.</summary>
    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "草稿",
        ProjectStatus.Submitted => "已申报",
        ProjectStatus.Recommended => "已推荐",
        ProjectStatus.UnderReview => "评审中",
        ProjectStatus.ForwardedUpstream => "已上报待批",
        ProjectStatus.Approved => "已批准",
        ProjectStatus.Rejected => "未通过",
        ProjectStatus.PublicNotice => "公示中",
        ProjectStatus.Published => "已发布",
        ProjectStatus.InProgress => "实施中",
        ProjectStatus.Completed => "已结项",
        ProjectStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    /// <summary>The Chinese name of an action.</summary>
    public static string Action(ProjectAction action) => action switch
    {
        ProjectAction.Submit => "申报",
        ProjectAction.Withdraw => "撤回",
        ProjectAction.Return => "退回修改",
        ProjectAction.Recommend => "推荐",
        ProjectAction.StartReview => "组织评审",
        ProjectAction.Score => "录入专家评分",
        ProjectAction.Approve => "批准",
        ProjectAction.Reject => "不予通过",
        ProjectAction.RecommendUpward => "向上推荐",
        ProjectAction.RecordUpstreamApproval => "登记上级批准结果",
        ProjectAction.RecordUpstreamRejection => "登记上级未批准结果",
        ProjectAction.StartNotice => "开始公示",
        ProjectAction.UpholdObjection => "异议成立",
        ProjectAction.Publish => "发布",
        ProjectAction.Start => "开班实施",
        ProjectAction.Complete => "结项",
        ProjectAction.Archive => "归档",
        _ => action.ToString(),
    };

    /// <summary>The Chinese name of a field.</summary>
    public static string Field(ProjectField field) => field switch
    {
        ProjectField.HighEndEquipment => "高端装备",
        ProjectField.HighEndChemicals => "高端化工",
        ProjectField.NewEnergy => "新能源",
        ProjectField.NextGenerationIt => "新一代信息技术",
        ProjectField.NewMaterials => "新材料",
        ProjectField.Pharmaceuticals => "医养健康",
        ProjectField.Education => "教育",
        ProjectField.Health => "卫生健康",
        ProjectField.PublicityAndCulture => "宣传文化",
        ProjectField.SocialWork => "社会工作",
        ProjectField.General => "综合",
        _ => field.ToString(),
    };

    /// <summary>The Chinese name of an objection's state.</summary>
    public static string Objection(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Pending => "待处理",
        ObjectionStatus.Upheld => "异议成立",
        ObjectionStatus.Dismissed => "异议不成立",
        _ => status.ToString(),
    };

    /// <summary>The Chinese name of a notice's phase.</summary>
    public static string Notice(NoticePhase phase) => phase switch
    {
        NoticePhase.NotStarted => "待公示",
        NoticePhase.Open => "公示中",
        NoticePhase.Ended => "公示期满",
        _ => phase.ToString(),
    };

    /// <summary>Who must act on a project in <paramref name="status"/>, in Chinese (the overdue list names them).</summary>
    public static string Responsible(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "申报单位",
        ProjectStatus.Submitted => "推荐单位",
        ProjectStatus.ForwardedUpstream => "项目办（待登记上级批复）",
        ProjectStatus.Published or ProjectStatus.InProgress => "申报单位或承办单位",
        _ => "项目办",
    };

    /// <summary>The path segment of an action (<c>record-upstream-approval</c>).</summary>
    public static string Slug(ProjectAction action)
    {
        var name = action.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>The action of a path segment (<c>record-upstream-approval</c> or the enum name), or null.</summary>
    public static ProjectAction? ParseAction(string? slug) =>
        slug is null ? null
        : Enum.GetValues<ProjectAction>().Cast<ProjectAction?>().FirstOrDefault(a =>
            string.Equals(Slug(a!.Value), slug, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Value.ToString(), slug, StringComparison.OrdinalIgnoreCase));
}
