using MediatR;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// The caller's own professional record (their account is linked to it), for every area's "my" pages: null when the
/// caller holds none (an account not yet linked to a person in the registry). Published so that other areas send it
/// instead of reading the registry themselves; the registry handles it (<c>UseCases/Professionals</c>).
/// </summary>
public sealed record FindMyProfessional : IRequest<Guid?>;
