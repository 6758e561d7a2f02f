using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>An accepted import, waiting for the worker (and, for a roster, what <see cref="IRosterImport"/> runs).</summary>
/// <param name="JobId">The job.</param>
/// <param name="Kind">Professionals, employers or a roster.</param>
/// <param name="Mode">All or nothing, or valid rows only.</param>
/// <param name="FilePath">The uploaded file (deleted when the job ends).</param>
/// <param name="File">What inspection found.</param>
/// <param name="Access">The requester's scope.</param>
/// <param name="Actor">The requester, as the audit log names them.</param>
/// <param name="TargetId">What the file is for, when its kind has a target (a roster: the class).</param>
/// <param name="FileName">The uploaded file's name (rosters name it on every record).</param>
public sealed record ImportWorkItem(Guid JobId, ImportKind Kind, ImportMode Mode, string FilePath, InspectedFile File, RequesterAccess Access, AuditActor Actor, Guid? TargetId = null, string FileName = "");

/// <summary>A merged range of cells: rows 1-based, columns 0-based, inclusive.</summary>
/// <param name="FirstRow">Top row.</param>
/// <param name="FirstColumn">Left column.</param>
/// <param name="LastRow">Bottom row.</param>
/// <param name="LastColumn">Right column.</param>
public readonly record struct CellRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn);

/// <summary>What inspecting an upload found: the header and what is needed to read its rows.</summary>
/// <param name="Format">xlsx or csv.</param>
/// <param name="Header">Where the header is and which column holds each field.</param>
/// <param name="DataRows">Non-blank rows below the header.</param>
/// <param name="ColumnCount">Columns the sheet uses.</param>
/// <param name="SheetName">The worksheet read (xlsx).</param>
/// <param name="Merges">Merged ranges (xlsx).</param>
/// <param name="Delimiter">The field separator (csv).</param>
public sealed record InspectedFile(ImportFormat Format, ImportHeader Header, int DataRows, int ColumnCount, string? SheetName, IReadOnlyList<CellRange> Merges, char Delimiter);
