namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Codes of the line departments on the program's coordination group (the seed's appendix).
/// A module names its owning department with one of these; the platform's base registry holds their names.
/// </summary>
public static class Departments
{
    /// <summary>发展和改革 — development and reform.</summary>
    public const string DevelopmentReform = "development-reform";

    /// <summary>工业和信息化 — industry and information technology.</summary>
    public const string IndustryIt = "industry-it";

    /// <summary>教育 — education.</summary>
    public const string Education = "education";

    /// <summary>科学技术 — science and technology.</summary>
    public const string ScienceTechnology = "science-technology";

    /// <summary>民政 — civil affairs.</summary>
    public const string CivilAffairs = "civil-affairs";

    /// <summary>司法 — justice.</summary>
    public const string Justice = "justice";

    /// <summary>财政 — finance.</summary>
    public const string Finance = "finance";

    /// <summary>人力资源和社会保障 — human resources and social security (runs the program).</summary>
    public const string HumanResourcesSocialSecurity = "hr-social-security";

    /// <summary>自然资源和规划 — natural resources and planning.</summary>
    public const string NaturalResources = "natural-resources";

    /// <summary>住房和城乡建设 — housing and urban-rural construction.</summary>
    public const string HousingConstruction = "housing-construction";

    /// <summary>交通运输 — transport.</summary>
    public const string Transport = "transport";

    /// <summary>城乡水务 — water.</summary>
    public const string Water = "water";

    /// <summary>农业农村 — agriculture and rural affairs.</summary>
    public const string AgricultureRural = "agriculture-rural";

    /// <summary>商务 — commerce.</summary>
    public const string Commerce = "commerce";

    /// <summary>文化和旅游 — culture and tourism.</summary>
    public const string CultureTourism = "culture-tourism";

    /// <summary>卫生健康 — health.</summary>
    public const string Health = "health";

    /// <summary>生态环境 — ecology and environment.</summary>
    public const string EcologyEnvironment = "ecology-environment";

    /// <summary>市场监督管理 — market regulation.</summary>
    public const string MarketRegulation = "market-regulation";

    /// <summary>地方金融监督管理 — local financial regulation.</summary>
    public const string FinancialRegulation = "financial-regulation";

    /// <summary>Every code above, in the order of the seed's appendix.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DevelopmentReform, IndustryIt, Education, ScienceTechnology, CivilAffairs, Justice, Finance,
        HumanResourcesSocialSecurity, NaturalResources, HousingConstruction, Transport, Water,
        AgricultureRural, Commerce, CultureTourism, Health, EcologyEnvironment, MarketRegulation,
        FinancialRegulation,
    ];
}
