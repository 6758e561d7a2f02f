namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>The kind of an exchange between bases.</summary>
public enum BaseExchangeKind
{
    /// <summary>交流考察 — a visit.</summary>
    Visit = 1,

    /// <summary>联合研修 — a seminar or class held together.</summary>
    JointTraining = 2,

    /// <summary>资源共享 — courses, teachers or venues shared.</summary>
    ResourceSharing = 3,

    /// <summary>合作协议 — a cooperation agreement.</summary>
    Agreement = 4,

    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>
/// An exchange or cooperation between two or more continuing-education bases (基地间交流合作), recorded by the program
/// office: when, what kind, on what topic, how many took part, a note. Each base involved is a <see cref="BaseExchangeParty"/>.
/// </summary>
public sealed class BaseExchange
{
    /// <summary>Longest topic.</summary>
    public const int TopicLength = 200;

    /// <summary>Longest note.</summary>
    public const int NoteLength = 1000;

    /// <summary>Most people an exchange counts.</summary>
    public const int MaxParticipants = 100_000;

    /// <summary>Most bases one exchange names.</summary>
    public const int MaxBases = 20;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The day it took place.</summary>
    public DateOnly HeldOn { get; init; }

    /// <summary>Its kind.</summary>
    public BaseExchangeKind Kind { get; init; }

    /// <summary>Its topic.</summary>
    public required string Topic { get; init; }

    /// <summary>People who took part.</summary>
    public int Participants { get; init; }

    /// <summary>A note.</summary>
    public string? Note { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public string RecordedByName { get; init; } = "system";

    /// <summary>The bases involved.</summary>
    public List<BaseExchangeParty> Parties { get; init; } = [];
}

/// <summary>One base taking part in an exchange.</summary>
public sealed class BaseExchangeParty
{
    /// <summary>The exchange.</summary>
    public Guid ExchangeId { get; init; }

    /// <summary>The base.</summary>
    public Guid BaseId { get; init; }
}

/// <summary>The exchange kinds in words.</summary>
public static class BaseExchangeRules
{
    /// <summary>The kind in words.</summary>
    public static string Label(BaseExchangeKind kind) => kind switch
    {
        BaseExchangeKind.Visit => "交流考察",
        BaseExchangeKind.JointTraining => "联合研修",
        BaseExchangeKind.ResourceSharing => "资源共享",
        BaseExchangeKind.Agreement => "合作协议",
        BaseExchangeKind.Other => "其他",
        _ => kind.ToString(),
    };
}
