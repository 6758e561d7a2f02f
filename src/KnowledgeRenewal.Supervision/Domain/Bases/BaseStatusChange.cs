using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>
/// One step of a base's status history (有效 → 整改考核中 → 已撤销/退出, or back to 有效) with who, when and why. The
/// status itself stays on Registry's base record; the history and its rule are supervision's.
/// </summary>
public sealed class BaseStatusChange
{
    /// <summary>Longest reason.</summary>
    public const int ReasonLength = 1000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base.</summary>
    public Guid BaseId { get; init; }

    /// <summary>The status before (null: the first designation).</summary>
    public BaseStatus? From { get; init; }

    /// <summary>The status after.</summary>
    public BaseStatus To { get; init; }

    /// <summary>Why (required except for a designation).</summary>
    public required string Reason { get; init; }

    /// <summary>Who.</summary>
    public Guid? ChangedByUserId { get; init; }

    /// <summary>Who (user name).</summary>
    public string ChangedByName { get; init; } = "system";

    /// <summary>When (UTC).</summary>
    public DateTime ChangedAt { get; init; }
}

/// <summary>Which status changes are allowed (the one place of the rule).</summary>
public static class BaseStatusRules
{
    /// <summary>
    /// Whether a base may go from <paramref name="from"/> to <paramref name="to"/>: an active base may be put under
    /// rectification or revoked; a base under rectification passes (back to active) or is revoked; a revoked base comes
    /// back only through a new designation (an approved base-construction project), never by hand.
    /// </summary>
    public static bool Allowed(BaseStatus from, BaseStatus to) => (from, to) switch
    {
        (BaseStatus.Active, BaseStatus.UnderReview) => true,
        (BaseStatus.Active, BaseStatus.Revoked) => true,
        (BaseStatus.UnderReview, BaseStatus.Active) => true,
        (BaseStatus.UnderReview, BaseStatus.Revoked) => true,
        _ => false,
    };

    /// <summary>The status in people's words.</summary>
    public static string Label(BaseStatus status) => status switch
    {
        BaseStatus.Active => "有效",
        BaseStatus.UnderReview => "整改考核中",
        BaseStatus.Revoked => "已撤销（退出）",
        _ => status.ToString(),
    };

    /// <summary>The level in people's words.</summary>
    public static string Label(BaseLevel level) => level switch
    {
        BaseLevel.National => "国家级",
        BaseLevel.Provincial => "省级",
        BaseLevel.Municipal => "市级",
        _ => level.ToString(),
    };
}
