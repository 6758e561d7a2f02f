using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>The years compliance can be asked for: from the ledger's earliest date to this year (China time).</summary>
public static class ComplianceYears
{
    /// <summary>Whether <paramref name="year"/> can be asked for.</summary>
    public static bool IsValid(int year, TimeProvider clock) =>
        year >= LedgerRules.EarliestDate.Year && year <= ProgramCalendar.Today(clock).Year;

    /// <summary>The message when it cannot.</summary>
    public static string Message(TimeProvider clock) =>
        $"年度（year）应在 {LedgerRules.EarliestDate.Year} 至 {ProgramCalendar.Today(clock).Year} 之间。";
}
