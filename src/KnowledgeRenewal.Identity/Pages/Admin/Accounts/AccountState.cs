using KnowledgeRenewal.Identity.UseCases.Accounts;

namespace KnowledgeRenewal.Identity.Pages.Admin.Accounts;

/// <summary>An account's state in words.</summary>
internal static class AccountState
{
    /// <summary>「已停用」「已锁定」「待修改初始密码」「正常」, joined when several apply.</summary>
    public static string Text(AccountView account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var states = new List<string>();
        if (account.IsDisabled)
        {
            states.Add("已停用");
        }

        if (account.LockedOutUntil is { } until)
        {
            states.Add($"已锁定至 {SecurityPageModel.Local(until)}");
        }

        if (account.MustChangePassword)
        {
            states.Add("待修改一次性密码");
        }

        return states.Count == 0 ? "正常" : string.Join("，", states);
    }
}
