namespace KnowledgeRenewal.Reporting.Domain;

/// <summary>
/// The program's own yearly targets (济人社发〔2023〕4号, the implementation plan): what the mid-term and final
/// evaluations compare the platform's figures with, beside the annual plans the program office sets. City-wide.
/// </summary>
public static class ProgramTargets
{
    /// <summary>每年培训10万名高层次、急需紧缺和骨干专业技术人才 — trainees a year, all project types.</summary>
    public const int TraineesPerYear = 100_000;

    /// <summary>每年举办20期左右国家级、省级和市级高级研修班 — advanced seminars (approved projects) a year.</summary>
    public const int AdvancedSeminarsPerYear = 20;

    /// <summary>培养培训600名左右高层次专业技术人才和经营管理人才 — people in advanced seminars a year.</summary>
    public const int AdvancedSeminarTraineesPerYear = 600;

    /// <summary>每年培养培训各类专业技术人才9万人左右 — people in capacity building a year.</summary>
    public const int CapacityBuildingTraineesPerYear = 90_000;

    /// <summary>（继续教育基地）每年培养培训不少于1000人 — people a year per continuing-education base.</summary>
    public const int TraineesPerBasePerYear = 1_000;
}
