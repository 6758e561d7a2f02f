using System.Data;
using System.Globalization;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// The workbooks the import and export endpoints hand out (other areas write theirs with <see cref="Sheet"/>),
/// written by MiniExcel into a temporary file that is deleted when the response stream closes. MiniExcel writes text
/// cells as text (never as formulas), so a value beginning with "=" in an export cannot run in the reader's Excel.
/// </summary>
public static class ImportWorkbooks
{
    /// <summary>The content type of xlsx.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The import template of a kind: the data sheet with the Chinese headers (row 1), a sheet explaining each column
    /// and its allowed values, and the region and sector codes.
    /// </summary>
    internal static Stream Template(ImportSchema schema, IEnumerable<(string Code, string Name)> regions, IEnumerable<(string Code, string Name)> departments)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var data = DataSheet(schema);
        var notes = ColumnNotes(schema);

        notes.Rows.Add("", "", "", "");
        notes.Rows.Add("说明", "", "表头可以不在第一行（上方可有标题行，表头单元格可以合并）；空行会被跳过；不接受公式；单次最多导入的行数和文件大小以平台设置为准。", "");
        notes.Rows.Add("说明", "", "重复导入同一文件不会重复登记：按身份证号（用人单位按统一社会信用代码）更新已有记录；文件中没有的列保持原值。", "");
        if (schema.Kind == ImportKind.Professionals)
        {
            notes.Rows.Add("职称级别", "", string.Join("、", RegistryLabels.TitleLevels.Values), "");
            notes.Rows.Add("最高学历", "", string.Join("、", RegistryLabels.Educations.Values), "");
            notes.Rows.Add("人员状态", "", string.Join("、", RegistryLabels.Statuses.Values), "");
            notes.Rows.Add("性别", "", string.Join("、", RegistryLabels.Genders.Values), "");
        }
        else
        {
            notes.Rows.Add("所有制", "", string.Join("、", RegistryLabels.Ownerships.Values), "");
        }

        var regionTable = Table("区域代码", "代码", "名称");
        foreach (var (code, name) in regions)
        {
            regionTable.Rows.Add(code, name);
        }

        var departmentTable = Table("行业代码", "代码", "名称");
        foreach (var (code, name) in departments)
        {
            departmentTable.Rows.Add(code, name);
        }

        return Save(new Dictionary<string, object>
        {
            [schema.SheetName] = data,
            ["填写说明"] = notes,
            ["区域代码"] = regionTable,
            ["行业代码"] = departmentTable,
        });
    }

    /// <summary>
    /// The roster template (学员名单): the data sheet with the Chinese headers, a sheet explaining each column, and the
    /// subject codes a row may name (public subjects and the modules' professional subjects).
    /// </summary>
    public static Stream RosterTemplate(IEnumerable<(string Code, string Name, string Category, string Catalog)> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var schema = ImportSchema.Roster;
        var data = DataSheet(schema);
        var notes = ColumnNotes(schema);

        notes.Rows.Add("", "", "", "");
        notes.Rows.Add("说明", "", "只能上传已结业班次的名单；每名学员只能出现一次；学员须已在平台登记，姓名须与登记一致，并属于班次面向的区域和行业。", "");
        notes.Rows.Add("说明", "", "默认任一行有误则整份名单不写入（可选择只写入无误的行）；重复上传同一名单不会重复记录学时；学时或科目有变化的学员，原记录撤销并记入新记录；名单中删去的学员不会被自动撤销。", "");
        notes.Rows.Add("说明", "", "同一学员已通过其他途径记入本班次，或与其他机构同日班次合计学时超过每日上限的，记为“待审核”，由主管部门审核。", "");
        notes.Rows.Add("科目类别", "", "公需、专业", "");

        var codes = Table("科目代码", "代码", "名称", "类别", "目录");
        foreach (var (code, name, category, catalog) in subjects)
        {
            codes.Rows.Add(code, name, category, catalog);
        }

        return Save(new Dictionary<string, object>
        {
            [schema.SheetName] = data,
            ["填写说明"] = notes,
            ["科目代码"] = codes,
        });
    }

    /// <summary>
    /// The error report of a job: one line per error (row, column, code, message), a roster's flags and warnings in
    /// the same shape, and a summary sheet.
    /// </summary>
    internal static Stream Report(ImportJob job, IReadOnlyList<ImportError> errors, IReadOnlyList<ImportError>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(errors);
        var notes = Table("提示", "行号", "列", "字段", "提示代码", "说明");
        foreach (var warning in warnings ?? [])
        {
            notes.Rows.Add(warning.Row == 0 ? "整个名单" : warning.Row.ToString(CultureInfo.InvariantCulture), warning.Column, warning.Field, warning.Code, warning.Message);
        }

        var table = Table("错误明细", "行号", "列", "字段", "错误代码", "说明");
        foreach (var error in errors)
        {
            table.Rows.Add(error.Row == 0 ? "整个文件" : error.Row.ToString(CultureInfo.InvariantCulture), error.Column, error.Field, error.Code, error.Message);
        }

        var summary = Table("概况", "项目", "内容");
        summary.Rows.Add("文件", job.FileName);
        summary.Rows.Add("导入内容", ImportNames.Chinese(job.Kind));
        summary.Rows.Add("方式", job.Mode == ImportMode.AllOrNothing ? "全部成功才写入（任一行有误则不写入任何数据）" : "只写入无误的行");
        summary.Rows.Add("状态", job.Status.ToString());
        summary.Rows.Add("数据行数", job.TotalRows.ToString(CultureInfo.InvariantCulture));
        if (job.Kind == ImportKind.Roster)
        {
            summary.Rows.Add("新增 / 更正 / 未变", string.Create(CultureInfo.InvariantCulture, $"{job.CreatedCount} / {job.UpdatedCount} / {job.UnchangedCount}"));
            summary.Rows.Add("待审核（重复或同日超时）", job.FlaggedCount.ToString(CultureInfo.InvariantCulture));
            summary.Rows.Add("上次名单中有、本次名单中没有的学员（学时记录未撤销）", job.WarningCount.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            summary.Rows.Add("新增 / 更新 / 未变", string.Create(CultureInfo.InvariantCulture, $"{job.CreatedCount} / {job.UpdatedCount} / {job.UnchangedCount}"));
        }

        summary.Rows.Add("有误的行", job.RejectedCount.ToString(CultureInfo.InvariantCulture));
        summary.Rows.Add("错误总数", job.ErrorCount.ToString(CultureInfo.InvariantCulture) + (job.ErrorCount > errors.Count ? $"（此处列出前 {errors.Count} 个）" : ""));
        var sheets = new Dictionary<string, object> { ["错误明细"] = table };
        if (notes.Rows.Count > 0)
        {
            sheets["提示"] = notes;
        }

        sheets["概况"] = summary;
        return Save(sheets);
    }

    /// <summary>A sheet of rows (an export): the columns in order, then the rows.</summary>
    public static Stream Sheet(string sheetName, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var table = Table(sheetName, [.. columns]);
        foreach (var row in rows)
        {
            table.Rows.Add(row);
        }

        return Save(new Dictionary<string, object> { [sheetName] = table });
    }

    /// <summary>A workbook of several sheets of rows (an export), each with its columns in order, in the order given.</summary>
    public static Stream Sheets(IEnumerable<(string Name, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var book = new Dictionary<string, object>();
        foreach (var (name, columns, rows) in sheets)
        {
            var table = Table(name, [.. columns]);
            foreach (var row in rows)
            {
                table.Rows.Add(row);
            }

            book[name] = table;
        }

        return Save(book);
    }

    // The data sheet: the schema's Chinese headers in row 1, nothing below.
    private static DataTable DataSheet(ImportSchema schema)
    {
        var data = new DataTable(schema.SheetName);
        foreach (var column in schema.Columns)
        {
            data.Columns.Add(column.Header, typeof(string));
        }

        return data;
    }

    // The 填写说明 sheet's first rows: each column, whether it is required, what goes in it and the other headers it is known by.
    private static DataTable ColumnNotes(ImportSchema schema)
    {
        var notes = Table("填写说明", "列名", "是否必填", "填写说明", "也可识别的列名");
        foreach (var column in schema.Columns)
        {
            notes.Rows.Add(column.Header, column.Required ? "必填" : "选填", column.Description, string.Join("、", column.Aliases.Append(column.Field)));
        }

        return notes;
    }

    private static DataTable Table(string name, params string[] columns)
    {
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column, typeof(string));
        }

        return table;
    }

    private static FileStream Save(Dictionary<string, object> sheets)
    {
        var path = Path.Combine(Path.GetTempPath(), "kr-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = false, FastMode = true, EnableAutoWidth = true });
            stream.Position = 0;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
