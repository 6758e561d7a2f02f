using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Identity.Pages.Audit;

/// <summary>What the audit administrator's pages share: the same policy as <c>/api/audit</c>, and the log in words.</summary>
[Authorize(Policy = PlatformPolicies.AuditReading)]
internal abstract class AuditPageModel : PlatformPageModel
{
    /// <summary>A verification record's result in words: 「完整（已校验 N 条）」 or 「在第 N 条处断开：…」.</summary>
    public static string VerificationText(AuditRecord verified)
    {
        ArgumentNullException.ThrowIfNull(verified);
        var details = verified.Details ?? "";
        var checkedCount = details.Split("checked=", 2) is [_, var tail] ? tail.Trim() : "?";
        if (verified.Outcome == AuditOutcome.Success)
        {
            return $"完整（已校验 {checkedCount} 条记录）";
        }

        // "broken at N: <operator's reason>; break=<kind>; checked=C" — the kind in words (records before the kind was
        // recorded show the operator's reason).
        var sequence = verified.EntityKey ?? "?";
        var kind = details.Split("; ").FirstOrDefault(p => p.StartsWith("break=", StringComparison.Ordinal)) is { } part
            && Enum.TryParse<AuditBreak>(part["break=".Length..], out var parsed) ? parsed : (AuditBreak?)null;
        var reason = kind is { } k
            ? AuditLabels.Break(k)
            : details.StartsWith("broken at", StringComparison.Ordinal) && details.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
                ? details[(colon + 1)..].Split("; checked=", 2)[0].Trim()
                : details;
        return $"已断开：在第 {sequence} 条记录处断开（原因：{reason}）";
    }

    /// <summary>The removed count of an <c>audit.purged</c> record.</summary>
    public static string PurgedCount(AuditRecord purged)
    {
        ArgumentNullException.ThrowIfNull(purged);
        var details = purged.Details ?? "";
        var count = details.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("count=", StringComparison.Ordinal));
        return count is null ? "--" : long.TryParse(count[6..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? $"{n:N0}" : count[6..];
    }

    /// <summary>A named part (<c>range=</c>, <c>cutoff=</c>) of an <c>audit.purged</c> record's details.</summary>
    public static string? PurgedPart(AuditRecord purged, string name)
    {
        ArgumentNullException.ThrowIfNull(purged);
        return (purged.Details ?? "").Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
    }
}
