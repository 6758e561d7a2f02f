namespace KnowledgeRenewal.Sdk;

/// <summary>
/// An error the client should see: it becomes an RFC 9457 problem details response with the stable
/// <see cref="Code"/>, the HTTP <see cref="Status"/> and Chinese <see cref="Title"/> and detail text.
/// </summary>
public class PlatformException : Exception
{
    /// <summary>Creates the error.</summary>
    public PlatformException(string code, int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
        : base(detail ?? title)
    {
        Code = code;
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
    }

    /// <summary>Stable machine code, e.g. <see cref="ProblemCodes.NotFound"/>.</summary>
    public string Code { get; }

    /// <summary>HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Short Chinese title.</summary>
    public string Title { get; }

    /// <summary>Chinese explanation of this occurrence.</summary>
    public string? Detail { get; }

    /// <summary>Field- or row-level errors.</summary>
    public IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>One field's (or one row's field's) error.</summary>
/// <param name="Field">The field path as the client sent it, e.g. <c>title</c> or <c>sessions[2].date</c>.</param>
/// <param name="Code">Stable machine code, e.g. <c>not_empty</c>.</param>
/// <param name="Message">Chinese message naming the field.</param>
/// <param name="Row">1-based row of an imported file, when the error is about one.</param>
public sealed record FieldError(string Field, string Code, string Message, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Row = null);

/// <summary>The addressed resource does not exist.</summary>
public sealed class NotFoundException(string what, object key)
    : PlatformException(ProblemCodes.NotFound, 404, "资源不存在", $"未找到{what}“{key}”。");

/// <summary>The request failed validation.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> errors)
    : PlatformException(ProblemCodes.ValidationFailed, 400, "提交的数据未通过校验", "请按 errors 中列出的字段逐项修改后重新提交。", errors);

/// <summary>The change conflicts with the resource's current state.</summary>
public sealed class ConflictException(string detail)
    : PlatformException(ProblemCodes.Conflict, 409, "数据冲突", detail);
