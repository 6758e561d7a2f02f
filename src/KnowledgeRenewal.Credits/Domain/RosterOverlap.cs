using System.Globalization;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Another provider's class a person is already credited for (pending or approved) whose days overlap the class at hand.</summary>
/// <param name="ClassId">The other class.</param>
/// <param name="Title">Its title.</param>
/// <param name="ProviderName">Its provider's name.</param>
/// <param name="StartDate">Its first day.</param>
/// <param name="EndDate">Its last day.</param>
/// <param name="HoursPerDay">Its hours per day (<see cref="TrainingClass.HoursPerDay"/>).</param>
public sealed record OverlappingClass(Guid ClassId, string Title, string ProviderName, DateOnly StartDate, DateOnly EndDate, CreditHours HoursPerDay)
{
    /// <summary>Whether the class runs on <paramref name="day"/>.</summary>
    public bool RunsOn(DateOnly day) => StartDate <= day && day <= EndDate;
}

/// <summary>A day on which a person's classes add up to more hours than a day holds.</summary>
/// <param name="Day">The first such day.</param>
/// <param name="Total">The hours of every class on that day, the class at hand included.</param>
/// <param name="Others">The other classes running that day.</param>
public sealed record DayOverload(DateOnly Day, CreditHours Total, IReadOnlyList<OverlappingClass> Others)
{
    /// <summary>The flag's explanation (Chinese), naming the day and the other classes.</summary>
    public string Describe()
    {
        var others = string.Join("、", Others.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.ProviderName}《{o.Title}》（{o.StartDate:yyyy-MM-dd} 至 {o.EndDate:yyyy-MM-dd}，日均 {o.HoursPerDay} 学时）")));
        return string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd} 该学员同时参加了{others}，连同本班次按日均学时合计 {Total} 学时，超过每日上限 {LedgerRules.MaxHoursPerDay} 学时，请核实后再认定。");
    }
}

/// <summary>
/// The overlap arithmetic of rosters: each class spreads its hours evenly over its days
/// (<see cref="TrainingClass.HoursPerDay"/>, rounded up to 0.01); a person credited for classes of different
/// providers that run on the same day gets the sum of their daily hours on that day. More than
/// <see cref="LedgerRules.MaxHoursPerDay"/> on any day flags the new record (it stays pending for review) — the same
/// person cannot have sat through it, so one of the rosters is wrong or the hours are double-counted.
/// </summary>
public static class RosterOverlap
{
    /// <summary>
    /// The first day in <paramref name="start"/>…<paramref name="end"/> on which <paramref name="hoursPerDay"/> plus
    /// the daily hours of the <paramref name="others"/> running that day exceed <paramref name="limit"/>; null when none does.
    /// </summary>
    public static DayOverload? FirstOverloadedDay(DateOnly start, DateOnly end, CreditHours hoursPerDay, IEnumerable<OverlappingClass> others, CreditHours limit)
    {
        ArgumentNullException.ThrowIfNull(others);
        var candidates = others
            .Where(o => o.StartDate <= end && start <= o.EndDate)
            .DistinctBy(o => o.ClassId)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        // Only the days some other class runs on can change the sum: walk the overlap's days in order.
        var first = candidates.Min(o => o.StartDate);
        var last = candidates.Max(o => o.EndDate);
        var from = first > start ? first : start;
        var to = last < end ? last : end;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var running = candidates.Where(o => o.RunsOn(day)).ToList();
            if (running.Count == 0)
            {
                continue;
            }

            var total = running.Aggregate(hoursPerDay, (sum, o) => sum + o.HoursPerDay);
            if (total > limit)
            {
                return new DayOverload(day, total, running);
            }
        }

        return null;
    }

    /// <summary>The overload of a class's day for a person credited for <paramref name="others"/>, under the platform's daily limit.</summary>
    public static DayOverload? For(TrainingClass trainingClass, IEnumerable<OverlappingClass> others)
    {
        ArgumentNullException.ThrowIfNull(trainingClass);
        return FirstOverloadedDay(trainingClass.StartDate, trainingClass.EndDate, trainingClass.HoursPerDay, others, LedgerRules.MaxHoursPerDay);
    }
}
