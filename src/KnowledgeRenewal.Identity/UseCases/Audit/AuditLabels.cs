using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>The audit log in people's words: each action's and outcome's Chinese name (pages and exports).</summary>
internal static class AuditLabels
{
    /// <summary>Every action with its Chinese name, in the order the filter offers them.</summary>
    public static IReadOnlyList<(string Code, string Name)> Actions { get; } =
    [
        (AuditActions.SignIn, "登录"),
        (AuditActions.SignOut, "退出登录"),
        (AuditActions.LockedOut, "账号被锁定"),
        (AuditActions.TokenIssued, "签发接口令牌"),
        (AuditActions.PasswordChanged, "修改或重置密码"),
        (AuditActions.TwoFactorChanged, "启用或重置双因素认证"),
        (AuditActions.AccountCreated, "创建账号"),
        (AuditActions.AccountDisabled, "停用账号"),
        (AuditActions.AccountEnabled, "启用账号"),
        (AuditActions.RolesChanged, "变更角色"),
        (AuditActions.PermissionsChanged, "变更个人权限"),
        (AuditActions.ClientChanged, "登记或删除对接系统"),
        (AuditActions.ModuleToggled, "启停模块"),
        (AuditActions.ConfigurationChanged, "配置变更"),
        (AuditActions.DataCreated, "新增数据"),
        (AuditActions.DataUpdated, "修改数据"),
        (AuditActions.DataDeleted, "删除数据"),
        (AuditActions.DataExported, "导出数据"),
        (AuditActions.PersonalDataViewed, "查看未脱敏个人信息"),
        (AuditActions.PersonalDataSearched, "按完整身份证号查询"),
        (AuditActions.AccessDenied, "访问被拒绝"),
        (AuditActions.AuditVerified, "校验审计链"),
        (AuditActions.AuditPurged, "清理过期审计记录"),
    ];

    /// <summary>The Chinese name of <paramref name="action"/> (the code itself when unknown, e.g. a module's own action).</summary>
    public static string Action(string action) => Actions.FirstOrDefault(a => a.Code == action).Name ?? action;

    /// <summary>A break of the audit chain in people's words.</summary>
    public static string Break(AuditBreak kind) => kind switch
    {
        AuditBreak.SequenceGap => "记录序号不连续，有记录被删除或插入",
        AuditBreak.PreviousHashMismatch => "该记录所记的前一条哈希与前一条记录不符",
        AuditBreak.Altered => "该记录的内容与其哈希不符，记录已被改动",
        AuditBreak.NewestRemoved => "审计链止于链头所记的最新记录之前，最新的记录被删除或链头被改动",
        AuditBreak.HeadMissing => "链头缺失",
        AuditBreak.HeadSignature => "链头签名不符，最新的记录被删除且链头被回退，或链头被改动",
        _ => kind.ToString(),
    };

    /// <summary>The Chinese name of an outcome.</summary>
    public static string Outcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "成功",
        AuditOutcome.Failure => "失败",
        AuditOutcome.Denied => "被拒绝",
        _ => outcome.ToString(),
    };
}
