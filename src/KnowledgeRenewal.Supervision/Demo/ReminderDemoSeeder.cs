using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Reminders;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// Demo reminders: after every supervision demo seeder (filings, bases, complaints, inspections), the reminders run
/// once more for the demo city's "today", so inboxes hold what is due across the rules — the program office's steps
/// and notices, counties' recommendations, bases' filings, complaints and rectifications, and (in the last quarter)
/// professionals short of their hours. Idempotent like every run: nothing is delivered twice.
/// </summary>
internal sealed class ReminderDemoSeeder(ReminderRunner reminders) : IDemoDataSeeder
{
    /// <inheritdoc />
    public string Key => "supervision.reminders.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 450;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await reminders.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
