using Ardalis.Specification;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Active subjects of one category.</summary>
public sealed class ActiveSubjectsInCategory : Specification<Subject>
{
    /// <summary>Creates the specification.</summary>
    public ActiveSubjectsInCategory(CreditCategory category)
    {
        Query.Where(s => s.Category == category && s.Status == SubjectStatus.Active)
            .OrderBy(s => s.Id);
    }
}
