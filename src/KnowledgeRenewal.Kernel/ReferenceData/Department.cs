using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.ReferenceData;

/// <summary>A line department (行业主管部门) on the program's coordination group.</summary>
public sealed class Department
{
    /// <summary>Stable code, one of <see cref="Sdk.Departments"/>.</summary>
    public required string Code { get; init; }

    /// <summary>Official Chinese name, e.g. 济宁市教育局.</summary>
    public required string Name { get; set; }

    /// <summary>Short sector name, e.g. 教育.</summary>
    public required string Sector { get; set; }

    /// <summary>English name.</summary>
    public required string NameEn { get; set; }

    /// <summary>Display order (the seed's appendix order).</summary>
    public int SortOrder { get; set; }
}
