using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Stable machine codes of the certificates' problems.</summary>
public static class CertificateProblemCodes
{
    /// <summary>No approved credit records in the year: nothing to certify.</summary>
    public const string NoRecords = "certificate.no_records";

    /// <summary>The certificate's state does not allow the action (e.g. revoking a revoked one).</summary>
    public const string InvalidTransition = "certificate.invalid_transition";

    /// <summary>A revocation needs a reason.</summary>
    public const string ReasonRequired = "certificate.reason_required";

    /// <summary>The year cannot be certified (before the ledger's first year or in the future).</summary>
    public const string InvalidYear = "certificate.invalid_year";

    /// <summary>No certificate has the verification code asked for (unknown, mistyped or forged).</summary>
    public const string NotFound = "certificate.not_found";

    /// <summary>Too many verifications at once: the verification log has no room (every verification is logged); try again.</summary>
    public const string Busy = "certificate.busy";

    /// <summary>The caller's role may not issue or revoke certificates.</summary>
    public const string Forbidden = "certificate.forbidden";
}

/// <summary>A certificate rule was broken: a problem with a stable code and a Chinese message.</summary>
public sealed class CertificateException(string code, int status, string detail, IReadOnlyList<FieldError>? errors = null)
    : PlatformException(code, status, TitleFor(status), detail, errors)
{
    private static string TitleFor(int status) => status switch
    {
        404 => "学时证明不存在",
        409 => "状态冲突",
        403 => "无权办理学时证明",
        503 => "核验服务繁忙",
        _ => "学时证明请求不符合规则",
    };
}

/// <summary>Chinese labels of the certificates' values.</summary>
public static class CertificateLabels
{
    /// <summary>The certificate's title.</summary>
    public const string Title = "济宁市专业技术人员继续教育学时证明";

    /// <summary>The issuing authority printed on the certificate.</summary>
    public const string Authority = "济宁市人力资源和社会保障局";

    /// <summary>有效 / 已被新版本取代 / 已作废.</summary>
    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Superseded => "已被新版本取代",
        CertificateStatus.Revoked => "已作废",
        _ => status.ToString(),
    };

    /// <summary>What a verification found, in Chinese.</summary>
    public static string Result(VerificationResult result) => result switch
    {
        VerificationResult.Valid => "有效",
        VerificationResult.Superseded => "已被新版本取代",
        VerificationResult.Revoked => "已作废",
        VerificationResult.Unknown => "未找到",
        _ => result.ToString(),
    };
}
