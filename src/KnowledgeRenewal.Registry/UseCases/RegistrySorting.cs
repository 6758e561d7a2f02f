using FluentValidation;

namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>
/// The columns a registry list may be sorted by (<c>sort</c>, and <c>dir=desc</c> for descending): the list pages and the
/// API sort alike; an unknown column is a field error, not a silent fallback.
/// </summary>
internal static class RegistrySorting
{
    /// <summary>Sort keys of the professionals' list.</summary>
    public static readonly string[] Professionals = ["name", "titleLevel", "updatedAt"];

    /// <summary>Sort keys of the employers' list.</summary>
    public static readonly string[] Employers = ["name", "creditCode", "createdAt"];

    /// <summary>Sort keys of the training providers' list.</summary>
    public static readonly string[] Providers = ["name", "kind", "createdAt"];

    /// <summary>Whether <paramref name="direction"/> asks for descending order (<c>desc</c>).</summary>
    public static bool IsDescending(string? direction) => string.Equals(direction?.Trim(), "desc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key as given, or null when blank.</summary>
    public static string? Key(string? sort) => string.IsNullOrWhiteSpace(sort) ? null : sort.Trim();

    /// <summary>The sort column must be one of <paramref name="keys"/>; the direction <c>asc</c> or <c>desc</c>.</summary>
    public static IRuleBuilderOptions<T, string?> ValidSort<T>(this IRuleBuilder<T, string?> rule, string[] keys) =>
        rule.Must(s => Key(s) is not { } key || keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            .WithErrorCode("sort.invalid")
            .WithMessage($"排序列（sort）无效，应为 {string.Join("、", keys)} 之一。");

    /// <summary>The direction must be <c>asc</c> or <c>desc</c>.</summary>
    public static IRuleBuilderOptions<T, string?> ValidDirection<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(d => string.IsNullOrWhiteSpace(d) || d.Trim().ToLowerInvariant() is "asc" or "desc")
            .WithErrorCode("dir.invalid")
            .WithMessage("排序方向（dir）无效，应为 asc 或 desc。");
}
