using KnowledgeRenewal.Kernel.ReferenceData;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// The organizations every deployment has: the program office, the 14 county-level HR and social security
/// bureaus (11 divisions + 3 functional zones) and the 19 line departments. Providers, bases and employers are
/// registered (or imported) by their administrators.
/// </summary>
public static class ProgramOrganizations
{
    /// <summary>Code of the program office.</summary>
    public const string ProgramOfficeCode = "PO";

    /// <summary>Code of a county bureau.</summary>
    public static string CountyBureauCode(string regionCode) => "CB-" + regionCode;

    /// <summary>Code of a line department's organization.</summary>
    public static string LineDepartmentCode(string departmentCode) => "LD-" + departmentCode;

    /// <summary>The program office.</summary>
    public static (string Code, string Name) ProgramOffice { get; } = (ProgramOfficeCode, "济宁市人力资源和社会保障局专业技术人员管理科");

    /// <summary>The county bureaus: (code, name, region).</summary>
    public static IEnumerable<(string Code, string Name, string RegionCode)> CountyBureaus =>
        JiningReferenceData.Regions
            .Where(r => r.Kind != RegionKind.City)
            .Select(r => (CountyBureauCode(r.Code), BureauName(r), r.Code));

    /// <summary>The line departments: (code, name, department).</summary>
    public static IEnumerable<(string Code, string Name, string DepartmentCode)> LineDepartments =>
        JiningReferenceData.LineDepartments.Select(d => (LineDepartmentCode(d.Code), d.Name, d.Code));

    private static string BureauName(Region region) => region.Kind == RegionKind.FunctionalZone
        ? $"{region.Name}人力资源和社会保障部门"
        : $"{region.Name}人力资源和社会保障局";
}
