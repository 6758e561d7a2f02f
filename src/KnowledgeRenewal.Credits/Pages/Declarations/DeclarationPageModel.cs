using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Pages.Declarations;

/// <summary>What the declaration pages share: the caller's roles and the problems of a refused action, in Chinese.</summary>
internal abstract class DeclarationPageModel : PlatformPageModel
{
    /// <summary>Roles that read declarations (each within their scope).</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + ","
        + PlatformRoles.EmployerHr + "," + PlatformRoles.Professional;

    /// <summary>The headline of a refused action, if any.</summary>
    public string? Problem { get; private set; }

    /// <summary>The details of a refused action (one line per field).</summary>
    public IReadOnlyList<string> ProblemLines { get; private set; } = [];

    /// <summary>A confirmation shown after an action, if any.</summary>
    public string? Done { get; protected set; }

    /// <summary>Whether the caller is a professional (declares for themself).</summary>
    public bool IsProfessional => User.IsInRole(PlatformRoles.Professional);

    /// <summary>Whether the caller is employer HR (reviews the employer's step).</summary>
    public bool IsEmployerReviewer => User.IsInRole(PlatformRoles.EmployerHr);

    /// <summary>Whether the caller reviews the department's step.</summary>
    public bool IsDepartmentReviewer => User.IsInRole(PlatformRoles.DepartmentAdmin) || User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>Shows a refused action's problem (status code as the API would answer).</summary>
    protected void Show(PlatformException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Response.StatusCode = problem.Status;
        Problem = problem.Detail is { } detail && problem.Errors.Count == 0 ? $"{problem.Title}：{detail}" : problem.Title;
        ProblemLines = [.. problem.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Shows a problem found by the page itself.</summary>
    protected void Show(string problem, IReadOnlyList<string> lines)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Problem = problem;
        ProblemLines = lines;
    }

    /// <summary>Hours as shown (no trailing zeros).</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An evidence file's type in words (PDF 文件, JPG 图片, PNG 图片), from the type recognised from its bytes.</summary>
    public static string FileKind(string contentType) => contentType.ToUpperInvariant() switch
    {
        "APPLICATION/PDF" => "PDF 文件",
        "IMAGE/JPEG" => "JPG 图片",
        "IMAGE/PNG" => "PNG 图片",
        { } other when other.StartsWith("IMAGE/", StringComparison.Ordinal) => "图片",
        _ => "文件",
    };

    /// <summary>A UTC time in China time.</summary>
    public static string Local(DateTime? utc) => utc is { } at
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), ProgramCalendar.TimeZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : "";
}

/// <summary>A review form: the page handler, the step's name and the version shown.</summary>
/// <param name="Handler">The page handler (<c>employer</c> or <c>department</c>).</param>
/// <param name="StepName">The step's name.</param>
/// <param name="Version">The version shown (If-Match).</param>
internal sealed record ReviewFormModel(string Handler, string StepName, string Version);
