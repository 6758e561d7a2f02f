using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;

namespace KnowledgeRenewal.Supervision.Pages.Filings;

/// <summary>What the filing pages share: their roles (the API's, <see cref="FilingRules"/>) and how figures read.</summary>
internal abstract class FilingPageModel : PlatformPageModel
{
    /// <summary>Who reads filings, as <c>GET /api/filings</c>.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>Who files, as <c>POST /api/filings/{year}</c>.</summary>
    public const string FilerRoles = PlatformRoles.ProviderStaff;

    /// <summary>Who decides, as <c>POST /api/filings/{id}/decision</c>.</summary>
    public const string DeciderRoles = PlatformRoles.ProgramOfficeAdmin;

    /// <summary>Whether the caller files for a base.</summary>
    public bool IsFiler => User.IsInRole(PlatformRoles.ProviderStaff);

    /// <summary>Whether the caller decides.</summary>
    public bool IsDecider => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>
    /// Reads an uploaded attachment (null when none was chosen); a file over the limit becomes the field's error
    /// (<paramref name="field"/>) instead of a problem page.
    /// </summary>
    protected async Task<(bool Ok, KnowledgeRenewal.Supervision.UseCases.Inspections.EvidenceUpload? File)> ReadAttachmentAsync(IFormFile? file, string field, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (true, null);
        }

        try
        {
            var files = await KnowledgeRenewal.Supervision.Web.EvidenceForm.FilesAsync([file], cancellationToken, "attachment").ConfigureAwait(false);
            return (true, files[0]);
        }
        catch (PlatformException problem)
        {
            ModelState.AddModelError(field, problem.Detail ?? problem.Title);
            return (false, null);
        }
    }

    /// <summary>A size in words (KB, MB).</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024m / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Fen as yuan, <c>1,234.50</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a state (red only for a problem).</summary>
    public static string Tone(FilingState state) => FilingCalendar.Flagged(state) ? "task-status task-problem" : state == FilingState.Accepted ? "task-status task-done" : "task-status";
}
