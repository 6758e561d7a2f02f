namespace KnowledgeRenewal.Sdk;

/// <summary>Kinds of continuing-education activity a person can be credited for.</summary>
public enum ActivityType
{
    /// <summary>面授培训 — classroom training (a project class, provider course).</summary>
    ClassroomTraining = 1,

    /// <summary>网络学习 — online courses.</summary>
    OnlineLearning = 2,

    /// <summary>高级研修 — advanced seminars.</summary>
    AdvancedSeminar = 3,

    /// <summary>学术会议 — academic conferences and seminars.</summary>
    AcademicConference = 4,

    /// <summary>学术论文 — published academic papers.</summary>
    AcademicPaper = 5,

    /// <summary>著作教材 — monographs and textbooks.</summary>
    Monograph = 6,

    /// <summary>进修访学 — further study and visiting scholarships.</summary>
    FurtherStudy = 7,

    /// <summary>学历学位教育 — degree education.</summary>
    DegreeEducation = 8,

    /// <summary>科研课题 — research projects.</summary>
    ResearchProject = 9,

    /// <summary>专利 — patents.</summary>
    Patent = 10,

    /// <summary>授课讲学 — lecturing and teaching others.</summary>
    Lecturing = 11,

    /// <summary>标准规范编制 — drafting technical standards.</summary>
    TechnicalStandard = 12,
}
