namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>An xlsx workbook to hand out (the stream deletes its temporary file when closed), and its file name.</summary>
/// <param name="Content">The workbook.</param>
/// <param name="FileName">The name the download suggests.</param>
internal sealed record WorkbookFile(Stream Content, string FileName);
