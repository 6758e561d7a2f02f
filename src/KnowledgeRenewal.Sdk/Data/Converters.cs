using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeRenewal.Sdk;

/// <summary>Stores <see cref="CreditHours"/> as an integer count of hundredths of an hour on every provider.</summary>
public sealed class CreditHoursConverter() : ValueConverter<CreditHours, long>(
    hours => hours.Hundredths,
    hundredths => CreditHours.FromHundredths(hundredths));

/// <summary>Stores instants as UTC and reads them back as UTC (<see cref="DateTimeKind.Utc"/>), on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
