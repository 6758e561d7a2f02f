using KnowledgeRenewal.Kernel;
namespace KnowledgeRenewal.Kernel.Time;

/// <summary>
/// The program's calendar runs on China Standard Time (Asia/Shanghai): credit years, deadlines and notice
/// periods are CST days, while instants are stored in UTC.
/// </summary>
public static class ProgramCalendar
{
    /// <summary>China Standard Time.</summary>
    public static TimeZoneInfo TimeZone { get; } = FindChinaTime();

    /// <summary>Today's date in China.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);
    }

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: China has had no daylight saving time since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
