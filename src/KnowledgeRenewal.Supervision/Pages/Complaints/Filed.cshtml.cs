using KnowledgeRenewal.Kernel.Web.Ui;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Supervision.Pages.Complaints;

/// <summary>
/// <c>/complaints/filed</c>: the confirmation after filing — the lookup code (shown once: it is carried over the
/// redirect, never in the address), what happens next and by when. Opened again later it says where to look the
/// complaint up.
/// </summary>
[AllowAnonymous]
internal sealed class FiledModel : PlatformPageModel
{
    /// <summary>The lookup code just issued.</summary>
    public string? Code { get; private set; }

    /// <summary>The day the program office assigns it by.</summary>
    public string? AssignBy { get; private set; }

    /// <summary>Shows the receipt.</summary>
    public void OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        if (TempData[FileModel.ReceiptKey] is string receipt && receipt.Split('|') is [var code, var day])
        {
            Code = code;
            AssignBy = day;
        }
    }
}
