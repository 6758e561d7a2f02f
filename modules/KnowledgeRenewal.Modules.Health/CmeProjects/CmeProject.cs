namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>
/// A continuing medical education project (继续医学教育项目) approved for a year: attending it earns class I
/// credits (Ⅰ类学分). National and provincial projects come from the health authorities' published lists;
/// municipal ones are approved by the city health commission.
/// </summary>
public sealed class CmeProject
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>项目编号 as published, unique, e.g. <c>2025-12-01-045(国)</c>.</summary>
    public required string ProjectNumber { get; set; }

    /// <summary>Project title, in Chinese.</summary>
    public required string Title { get; set; }

    /// <summary>National, provincial or municipal.</summary>
    public CmeLevel Level { get; set; }

    /// <summary>The year the project is approved for.</summary>
    public int Year { get; set; }

    /// <summary>Code of the subject in the health catalog (e.g. <c>WS-JZJJ</c>).</summary>
    public required string SubjectCode { get; set; }

    /// <summary>主办单位 — the hosting organisation.</summary>
    public required string HostOrganization { get; set; }

    /// <summary>First day.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>Class I credits a participant who passes earns.</summary>
    public decimal Credits { get; set; }

    /// <summary>Planned participants.</summary>
    public int Capacity { get; set; }

    /// <summary>When the project was registered on the platform (UTC).</summary>
    public DateTime RegisteredAt { get; set; }
}

/// <summary>Approval level of a CME project.</summary>
public enum CmeLevel
{
    /// <summary>国家级.</summary>
    National = 1,

    /// <summary>省级.</summary>
    Provincial = 2,

    /// <summary>市级.</summary>
    Municipal = 3,
}

/// <summary>The Chinese names of the CME levels (the module's pages and its <c>$metadata</c>).</summary>
public static class CmeLevels
{
    /// <summary>Every level with its Chinese name, in display order.</summary>
    public static IReadOnlyList<(CmeLevel Level, string Name)> All { get; } =
        [(CmeLevel.National, "国家级"), (CmeLevel.Provincial, "省级"), (CmeLevel.Municipal, "市级")];

    /// <summary>The Chinese name of <paramref name="level"/>.</summary>
    public static string Name(CmeLevel level) => All.FirstOrDefault(l => l.Level == level).Name ?? level.ToString();
}
