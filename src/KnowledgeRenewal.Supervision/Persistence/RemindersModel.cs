using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Reminders;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>The inbox's scope: each account its own messages (the reminder run reads without the filter).</summary>
internal sealed class RemindersModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model) =>
        model.ScopeFilter<InboxMessage>((db, m) => m.UserId == db.ScopeUser);
}
