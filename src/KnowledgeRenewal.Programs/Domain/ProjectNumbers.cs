namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// Project numbers: <c>XM{year}-{S|C|D|B}{sequence:0000}</c> — the credit year, a letter of the type (S seminar,
/// C capacity building, D digital engineer, B base construction) and the sequence of that type in that year, from 1.
/// </summary>
public static class ProjectNumbers
{
    /// <summary>The prefix of a type's numbers in a year.</summary>
    public static string Prefix(ProjectType type, int year) => FormattableString.Invariant($"XM{year}-{Letter(type)}");

    /// <summary>The number <paramref name="sequence"/> of a type in a year.</summary>
    public static string Format(ProjectType type, int year, int sequence) => FormattableString.Invariant($"{Prefix(type, year)}{sequence:0000}");

    /// <summary>The next number of a type in a year, when <paramref name="taken"/> numbers of it are taken already.</summary>
    public static string Next(ProjectType type, int year, int taken) => Format(type, year, taken + 1);

    private static char Letter(ProjectType type) => type switch
    {
        ProjectType.AdvancedSeminar => 'S',
        ProjectType.CapacityBuilding => 'C',
        ProjectType.DigitalEngineer => 'D',
        _ => 'B',
    };
}
