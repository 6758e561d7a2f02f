using System.Globalization;

namespace KnowledgeRenewal.Kernel.Time;

/// <summary>How pages write times and days: China Standard Time, ISO order, 24-hour clock (UI guide 17).</summary>
public static class ChinaTime
{
    /// <summary>An instant (UTC) as <c>2026-12-08 14:05</c> in China time.</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ProgramCalendar.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day as <c>2026-12-08</c>.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A range of days as <c>2026-01-01 ～ 2026-12-31</c>.</summary>
    public static string Range(DateOnly from, DateOnly to) => $"{Format(from)} ～ {Format(to)}";

    /// <summary>A count with thousands separators, <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
