using System.Data.Common;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Reminders;

/// <summary>
/// The reminder scheduler's job store in the platform database (the QRTZ_ tables of the QuartzJobStore migration):
/// the daily trigger a first host scheduled is still there after a restart, kept rather than replaced; a day missed
/// while the platform was down (the trigger's next fire time in the past) is run once when the next host starts, and
/// the trigger moves on to the next day at the configured time.
/// </summary>
public sealed class SupervisionReminderSchedulerTests
{
    private static readonly TriggerKey Trigger = new("daily-reminders", "supervision");

    [Fact]
    public async Task The_schedule_survives_a_restart_and_a_missed_day_runs_once_on_start()
    {
        await using var database = await TestDatabase.CreateAsync(demoTemplate: false);
        var runs = new RunCounter();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Supervision:Scheduler:Enabled"] = "true",
            ["Supervision:Scheduler:Store"] = "Database",
            ["Supervision:Scheduler:Cron"] = "0 0 7 * * ?",
        };
        void Services(IServiceCollection services) => services.AddScoped<IReminderSource>(_ => new CountingSource(runs));

        DateTimeOffset start;
        await using (var first = new PlatformFactory(database, settings, Services))
        {
            _ = first.Server;
            var trigger = await WaitForAsync(first, t => t is not null, "the daily trigger scheduled");
            start = trigger!.StartTimeUtc;
            var next = trigger.NextFireTimeUtc!.Value;
            Assert.True(next > DateTimeOffset.UtcNow);
            Assert.Equal(7, TimeZoneInfo.ConvertTime(next, Kernel.Time.ProgramCalendar.TimeZone).Hour);
            Assert.Equal(0, runs.Count);
        }

        // The platform was down over the 07:00 run: the stored trigger's next fire time lies a day back.
        var missed = DateTimeOffset.UtcNow.AddDays(-1);
        Assert.Equal(1, await ExecuteAsync(database, $"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {missed.UtcTicks} WHERE TRIGGER_NAME = 'daily-reminders'"));

        await using (var second = new PlatformFactory(database, settings, Services))
        {
            _ = second.Server;
            var trigger = await WaitForAsync(second, t => t?.PreviousFireTimeUtc is not null && t.NextFireTimeUtc > DateTimeOffset.UtcNow, "the missed run made up");
            Assert.Equal(start, trigger!.StartTimeUtc);
            await WaitUntilAsync(() => runs.Count >= 1, "the reminder job ran");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(1, runs.Count);
            Assert.Equal(7, TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, Kernel.Time.ProgramCalendar.TimeZone).Hour);
        }
    }

    private static async Task<ITrigger?> WaitForAsync(PlatformFactory host, Func<ITrigger?, bool> done, string what)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        ITrigger? trigger = null;
        await WaitUntilAsync(async () => done(trigger = await scheduler.GetTrigger(Trigger)), what);
        return trigger;
    }

    private static Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    private static async Task<int> ExecuteAsync(TestDatabase database, string sql)
    {
        await using DbConnection connection = database.Provider == "Sqlite" ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private sealed class RunCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    /// <summary>A reminder source that only counts the runs asking it (it has nothing due).</summary>
    private sealed class CountingSource(RunCounter runs) : IReminderSource
    {
        public string Rule => "test.counting";

        public string Label => "测试";

        public Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
        {
            runs.Add();
            return Task.FromResult<IReadOnlyList<DueReminder>>([]);
        }
    }
}
