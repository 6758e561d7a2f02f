using System.Data;
using System.Globalization;
using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Core.Registry.Import;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KnowledgeRenewal.Host.Registry.Import;

/// <summary>
/// The workbooks the import and export endpoints hand out, written by MiniExcel into a temporary file that is
/// deleted when the response stream closes. MiniExcel writes text cells as text (never as formulas), so a value
/// beginning with "=" in an export cannot run in the reader's Excel.
/// </summary>
public static class ImportWorkbooks
{
    /// <summary>The content type of xlsx.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The import template of a kind: the data sheet with the Chinese headers (row 1), a sheet explaining each column
    /// and its allowed values, and the region and sector codes.
    /// </summary>
    public static Stream Template(ImportSchema schema, IEnumerable<(string Code, string Name)> regions, IEnumerable<(string Code, string Name)> departments)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var data = new DataTable(schema.SheetName);
        foreach (var column in schema.Columns)
        {
            data.Columns.Add(column.Header, typeof(string));
        }

        var notes = Table("填写说明", "列名", "是否必填", "填写说明", "也可识别的列名");
        foreach (var column in schema.Columns)
        {
            notes.Rows.Add(column.Header, column.Required ? "必填" : "选填", column.Description, string.Join("、", column.Aliases.Append(column.Field)));
        }

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

    /// <summary>The error report of a job: one line per error (row, column, code, message) and a summary sheet.</summary>
    public static Stream Report(ImportJob job, IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(errors);
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
        summary.Rows.Add("新增 / 更新 / 未变", string.Create(CultureInfo.InvariantCulture, $"{job.CreatedCount} / {job.UpdatedCount} / {job.UnchangedCount}"));
        summary.Rows.Add("有误的行", job.RejectedCount.ToString(CultureInfo.InvariantCulture));
        summary.Rows.Add("错误总数", job.ErrorCount.ToString(CultureInfo.InvariantCulture) + (job.ErrorCount > errors.Count ? $"（此处列出前 {errors.Count} 个）" : ""));
        return Save(new Dictionary<string, object> { ["错误明细"] = table, ["概况"] = summary });
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
