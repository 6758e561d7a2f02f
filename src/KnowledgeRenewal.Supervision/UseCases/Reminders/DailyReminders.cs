using KnowledgeRenewal.Kernel.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>The reminders' daily run (section <c>Supervision:Reminders</c>).</summary>
internal sealed class ReminderScheduleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Supervision:Reminders";

    /// <summary>Whether the daily run is on.</summary>
    public bool Daily { get; set; } = true;

    /// <summary>The hour of the day (China time, 0–23) it runs.</summary>
    public int Hour { get; set; } = 7;
}

/// <summary>
/// Runs the reminders every day at the configured hour (China time). A run missed while the platform was down is made
/// up by the next one: reminders stay due until their deadline passes, and each is delivered once whatever runs.
/// </summary>
internal sealed partial class DailyReminders(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<ReminderScheduleOptions> options, TimeProvider clock, ILogger<DailyReminders> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Daily)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ProgramCalendar.TimeZone);
            var next = new DateTimeOffset(now.Date.AddHours(Math.Clamp(options.Value.Hour, 0, 23)), now.Offset);
            if (next <= now)
            {
                next = next.AddDays(1);
            }

            try
            {
                await Task.Delay(next - now, clock, stoppingToken).ConfigureAwait(false);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed run is logged; the next day's run makes it up
            catch (Exception error)
#pragma warning restore CA1031
            {
                Failed(logger, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily reminder run failed; the next run delivers what is still due.")]
    private static partial void Failed(ILogger logger, Exception error);
}
