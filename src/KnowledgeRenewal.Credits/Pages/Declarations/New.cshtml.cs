using System.Globalization;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Credits.Pages.Declarations;

/// <summary>
/// <c>/declarations/new</c>: a professional declares an activity with 1–5 evidence files — the same request, rules
/// and answers as <c>POST /api/declarations</c>; on success the new declaration's page, with how the hours were
/// computed and where the person stands against the yearly cap.
/// </summary>
[Authorize(Roles = PlatformRoles.Professional)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
internal sealed class NewModel(IMediator mediator, IOptions<DeclarationOptions> options) : DeclarationPageModel
{
    // The outer bound of a form; the configured per-file limit is checked file by file below it.
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>The fields as typed.</summary>
    [BindProperty]
    public DeclarationInput Input { get; set; } = new();

    /// <summary>The evidence files.</summary>
    [BindProperty]
    public IList<IFormFile> Evidence { get; set; } = [];

    /// <summary>The limits shown.</summary>
    public DeclarationOptions Limits => options.Value;

    /// <summary>The activity types offered.</summary>
    public static IReadOnlyList<(ActivityType Value, string Name)> Activities { get; } =
        [.. Enum.GetValues<ActivityType>().Select(a => (a, ComplianceLabels.Activity(a)))];

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Declares, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var files = Evidence.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var problems = new List<string>();
        if (files.Count > limits.MaxEvidenceFiles)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"证明材料最多 {limits.MaxEvidenceFiles} 个文件，您选择了 {files.Count} 个。"));
        }

        var megabytes = (limits.MaxEvidenceBytes / (1024m * 1024m)).ToString("0.##", CultureInfo.InvariantCulture);
        problems.AddRange(files.Where(f => f.Length > limits.MaxEvidenceBytes)
            .Select(f => $"证明材料“{EvidenceContent.SafeFileName(f.FileName, EvidenceContent.Pdf)[..^4]}”超过了 {megabytes} MB 的上限，请压缩或拆分后上传。"));
        if (problems.Count > 0)
        {
            Show("证明材料不符合要求", problems);
            return Page();
        }

        var evidence = new List<UploadedEvidence>(files.Count);
        foreach (var file in files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            evidence.Add(new UploadedEvidence(file.FileName, buffer.ToArray()));
        }

        try
        {
            var created = await mediator.Send(new DeclareActivity(Input.ToFields(), evidence), cancellationToken).ConfigureAwait(false);
            TempData[ShowModel.NoticesKey] = string.Join("\n", created.Value.Notices);
            return Redirect($"/declarations/{created.Value.Declaration.Id:D}");
        }
        catch (PlatformException problem)
        {
            Show(problem);
            return Page();
        }
    }
}

/// <summary>The declaration form's fields (text, as typed; the rules check them).</summary>
internal sealed class DeclarationInput
{
    /// <summary>Activity type.</summary>
    public string? Activity { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Organizer.</summary>
    public string? Organizer { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>First day (yyyy-MM-dd).</summary>
    public string? StartDate { get; set; }

    /// <summary>Last day (yyyy-MM-dd).</summary>
    public string? EndDate { get; set; }

    /// <summary>Category (Public/Professional), optional.</summary>
    public string? Category { get; set; }

    /// <summary>Subject code, optional.</summary>
    public string? SubjectCode { get; set; }

    /// <summary>Items, for activities credited per item.</summary>
    public string? Items { get; set; }

    /// <summary>Amount claimed, for activities credited by hours.</summary>
    public string? ClaimedAmount { get; set; }

    /// <summary>Unit of the amount (Hour/Credit).</summary>
    public string? ClaimedUnit { get; set; }

    /// <summary>The fields as the API receives them.</summary>
    public DeclarationFields ToFields() => new()
    {
        Activity = Activity,
        Title = Title,
        Organizer = Organizer,
        Description = Description,
        StartDate = StartDate,
        EndDate = EndDate,
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category,
        SubjectCode = string.IsNullOrWhiteSpace(SubjectCode) ? null : SubjectCode,
        Items = string.IsNullOrWhiteSpace(Items) ? null : Items,
        ClaimedAmount = string.IsNullOrWhiteSpace(ClaimedAmount) ? null : ClaimedAmount,
        ClaimedUnit = string.IsNullOrWhiteSpace(ClaimedAmount) ? null : ClaimedUnit,
    };
}
