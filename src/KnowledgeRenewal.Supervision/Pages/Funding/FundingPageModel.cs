using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>What the funding pages share: how money reads and who the caller is.</summary>
internal abstract class FundingPageModel : PlatformPageModel
{
    /// <summary>Whether the caller is the program office.</summary>
    public bool IsOffice => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>Fen as yuan, <c>1,234.50</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A count with separators.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A file size.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024m / 1024m).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
