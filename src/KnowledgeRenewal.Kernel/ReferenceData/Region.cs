using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.ReferenceData;

/// <summary>An administrative region of Jining: the city, a county-level division or a functional zone.</summary>
public sealed class Region
{
    /// <summary>GB/T 2260 code for the city and its counties; <c>370800-XX</c> for functional zones, which have none.</summary>
    public required string Code { get; init; }

    /// <summary>Chinese name, e.g. 任城区.</summary>
    public required string Name { get; set; }

    /// <summary>What kind of region it is.</summary>
    public RegionKind Kind { get; set; }

    /// <summary>The official GB/T 2260 code, or null for functional zones.</summary>
    public string? GbCode { get; set; }

    /// <summary>The parent region (the city), or null for the city itself.</summary>
    public string? ParentCode { get; set; }

    /// <summary>The parent region.</summary>
    public Region? Parent { get; set; }

    /// <summary>Display order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>Kinds of region.</summary>
public enum RegionKind
{
    /// <summary>地级市 — the prefecture-level city.</summary>
    City = 1,

    /// <summary>市辖区 — a city district.</summary>
    District = 2,

    /// <summary>县 — a county.</summary>
    County = 3,

    /// <summary>县级市 — a county-level city.</summary>
    CountyLevelCity = 4,

    /// <summary>功能区 — a functional zone (development zone) administered like a county.</summary>
    FunctionalZone = 5,
}

/// <summary>The Chinese names of the kinds of region.</summary>
public static class RegionLabels
{
    /// <summary>The kind in words.</summary>
    public static string Kind(RegionKind kind) => kind switch
    {
        RegionKind.City => "地级市",
        RegionKind.District => "市辖区",
        RegionKind.County => "县",
        RegionKind.CountyLevelCity => "县级市",
        RegionKind.FunctionalZone => "功能区",
        _ => kind.ToString(),
    };
}
