using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Reporting.UseCases.Reports;

namespace KnowledgeRenewal.Reporting.Pages.Reports;

/// <summary>One figure of the comparison as it reads: the two groups and the difference (non-public − public).</summary>
/// <param name="Key">Stable key (<c>registered</c>, <c>compliance-rate</c> …).</param>
/// <param name="Label">What it is, with its unit.</param>
/// <param name="Public">The public employers' staff.</param>
/// <param name="NonPublic">The non-public employers' staff.</param>
/// <param name="Difference">Non-public minus public (percentage points for rates).</param>
internal sealed record EqualTreatmentRow(string Key, string Label, string Public, string NonPublic, string Difference);

/// <summary>The rows of the comparison table (the report page and the dashboard's section show the same).</summary>
internal static class EqualTreatmentRows
{
    /// <summary>The rows of <paramref name="view"/>.</summary>
    public static IReadOnlyList<EqualTreatmentRow> For(EqualTreatmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (p, n) = (view.Public, view.NonPublic);
        return
        [
            Count("registered", "在册专业技术人员（人）", p.Registered, n.Registered),
            Count("participants", "参训人数（人）", p.Participants, n.Participants),
            Dec("participation-rate", "参训率（%）", p.ParticipationRate, n.ParticipationRate),
            Dec("hours", "已认定学时（学时）", p.Hours, n.Hours),
            Dec("hours-per-participant", "人均学时（学时）", p.HoursPerParticipant, n.HoursPerParticipant),
            Count("compliance-people", "达标计算人数（人）", p.Compliance.People, n.Compliance.People),
            Count("compliance-met", "达标人数（人）", p.Compliance.Met, n.Compliance.Met),
            Dec("compliance-rate", "学时达标率（%）", p.Compliance.Rate, n.Compliance.Rate),
            Count("certificates-issued", "签发学时证明（份）", p.CertificatesIssued, n.CertificatesIssued),
            Count("certificates-valid", "有效学时证明（份）", p.CertificatesValid, n.CertificatesValid),
            Count("claims-approved", "数字技术工程师补贴核准（笔）", p.ClaimsApproved, n.ClaimsApproved),
            Dec("claims-approved-amount", "核准金额（元）", p.ClaimsApprovedAmount, n.ClaimsApprovedAmount),
            Count("claims-paid", "数字技术工程师补贴发放（笔）", p.ClaimsPaid, n.ClaimsPaid),
            Dec("claims-paid-amount", "发放金额（元）", p.ClaimsPaidAmount, n.ClaimsPaidAmount),
        ];
    }

    private static EqualTreatmentRow Count(string key, string label, int p, int n) =>
        new(key, label, DashboardTables.Count(p), DashboardTables.Count(n), Signed(n - p, DashboardTables.Count(Math.Abs(n - p))));

    private static EqualTreatmentRow Dec(string key, string label, decimal p, decimal n) =>
        new(key, label, DashboardTables.Number(p), DashboardTables.Number(n), Signed(n - p, DashboardTables.Number(Math.Abs(n - p))));

    private static string Signed(decimal difference, string magnitude) => difference switch
    {
        > 0 => "+" + magnitude,
        < 0 => "−" + magnitude,
        _ => "0",
    };
}
