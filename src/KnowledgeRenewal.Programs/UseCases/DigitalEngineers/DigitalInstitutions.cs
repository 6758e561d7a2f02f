using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A field and level of a listing.</summary>
/// <param name="Field">Field: English name, two-digit code or Chinese name.</param>
/// <param name="Level">Level: Junior/Intermediate/Senior or 初级/中级/高级.</param>
public sealed record InstitutionScopeBody(string? Field, string? Level);

/// <summary>A listing's body (the organization and kind only when listing; the rest when changing too).</summary>
/// <param name="OrganizationId">The organization (a training provider or an education base).</param>
/// <param name="Kind">Training/Evaluation or 培训机构/评价机构.</param>
/// <param name="ValidFrom">First valid day.</param>
/// <param name="ValidTo">Last valid day.</param>
/// <param name="Scopes">Fields and levels.</param>
public sealed record InstitutionBody(Guid? OrganizationId, string? Kind, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<InstitutionScopeBody>? Scopes);

/// <summary>The catalog, filtered.</summary>
/// <param name="Kind">Training or evaluation.</param>
/// <param name="Field">Listed for this field.</param>
/// <param name="Level">Listed for this level.</param>
/// <param name="ValidOn">Valid on this day.</param>
public sealed record ListInstitutions(string? Kind, string? Field, string? Level, DateOnly? ValidOn) : IRequest<IReadOnlyList<InstitutionView>>;

/// <summary>One catalog entry with its ETag.</summary>
/// <param name="Id">The entry.</param>
public sealed record GetInstitution(Guid Id) : IRequest<Versioned<InstitutionView>>;

/// <summary>The program office lists an organization as a training or evaluation institution.</summary>
/// <param name="Body">The listing.</param>
public sealed record ListInstitution(InstitutionBody? Body) : IRequest<Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ListInstitution);
}

/// <summary>The program office changes a listing's validity and fields (If-Match).</summary>
/// <param name="Id">The entry.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The new validity and fields.</param>
public sealed record UpdateInstitution(Guid Id, string? IfMatch, InstitutionBody? Body) : IRequest<Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(UpdateInstitution);
}

/// <summary>Handles the catalog.</summary>
public sealed class DigitalInstitutionHandlers(PlatformDbContext db, DigitalEngineerAccess access, TimeProvider clock)
    : IRequestHandler<ListInstitutions, IReadOnlyList<InstitutionView>>,
      IRequestHandler<GetInstitution, Versioned<InstitutionView>>,
      IRequestHandler<ListInstitution, Versioned<InstitutionView>>,
      IRequestHandler<UpdateInstitution, Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<InstitutionView>> Handle(ListInstitutions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var kind = DigitalInputs.OptionalKind(request.Kind, errors);
        var field = DigitalInputs.OptionalField(request.Field, "field", errors);
        var level = DigitalInputs.OptionalLevel(request.Level, "level", errors);
        DigitalInputs.ThrowIfAny(errors);
        var query = db.DigitalInstitutions.AsNoTracking().Include(i => i.Scopes).AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(i => i.Kind == k);
        }

        if (field is { } f && level is { } fl)
        {
            query = query.Where(i => i.Scopes.Any(s => s.Field == f && s.Level == fl));
        }
        else if (field is { } onlyField)
        {
            query = query.Where(i => i.Scopes.Any(s => s.Field == onlyField));
        }
        else if (level is { } onlyLevel)
        {
            query = query.Where(i => i.Scopes.Any(s => s.Level == onlyLevel));
        }

        if (request.ValidOn is { } day)
        {
            query = query.Where(i => i.ValidFrom <= day && i.ValidTo >= day);
        }

        var rows = await query.OrderBy(i => i.Kind).ThenBy(i => i.OrganizationName).ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        return [.. rows.Select(i => DigitalEngineerViews.Institution(i, today))];
    }

    /// <inheritdoc />
    public async Task<Versioned<InstitutionView>> Handle(GetInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var institution = await FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), institution.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public async Task<Versioned<InstitutionView>> Handle(ListInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body ?? new InstitutionBody(null, null, null, null, null);
        var errors = new List<FieldError>();
        if (body.OrganizationId is null)
        {
            errors.Add(new FieldError("organizationId", "required", "单位（organizationId）不能为空。"));
        }

        InstitutionKind kind = default;
        if (string.IsNullOrWhiteSpace(body.Kind))
        {
            errors.Add(new FieldError("kind", "required", "机构类别（kind）不能为空，应为 Training（培训机构）或 Evaluation（评价机构）。"));
        }
        else if (!DigitalEngineerCatalog.TryParseKind(body.Kind, out kind))
        {
            errors.Add(new FieldError("kind", "invalid_value", "机构类别（kind）无效，应为 Training（培训机构）或 Evaluation（评价机构）。"));
        }

        var (from, to, scopes) = DigitalInputs.Listing(body, errors);
        DigitalInputs.ThrowIfAny(errors);

        // Read by id: the program office sees every organization.
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == body.OrganizationId, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestValidationException([new FieldError("organizationId", "not_found", $"单位（organizationId）“{body.OrganizationId:D}”不存在。")]);
        if (DigitalEngineerRules.CheckListable(organization.Type, organization.Name) is { } notListable)
        {
            throw notListable;
        }

        var existing = await db.DigitalInstitutions.AsNoTracking().FirstOrDefaultAsync(i => i.OrganizationId == organization.Id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            throw DigitalEngineerRules.AlreadyListed(organization.Name, existing.Kind);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = access.Actor;
        var institution = new DigitalInstitution
        {
            OrganizationId = organization.Id,
            OrganizationCode = organization.Code,
            OrganizationName = organization.Name,
            RegionCode = organization.RegionCode,
            Kind = kind,
            ValidFrom = from,
            ValidTo = to,
            ListedAt = now,
            ListedByName = actor.Name,
            UpdatedAt = now,
            UpdatedByName = actor.Name,
        };
        foreach (var (field, level) in scopes)
        {
            institution.Scopes.Add(new DigitalInstitutionScope { InstitutionId = institution.Id, Field = field, Level = level });
        }

        db.DigitalInstitutions.Add(institution);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Listed by someone else in between (the unique organization index).
            db.ChangeTracker.Clear();
            if (await db.DigitalInstitutions.AsNoTracking().AnyAsync(i => i.OrganizationId == organization.Id, cancellationToken).ConfigureAwait(false))
            {
                throw DigitalEngineerRules.AlreadyListed(organization.Name, kind);
            }

            throw;
        }

        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), institution.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public async Task<Versioned<InstitutionView>> Handle(UpdateInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var institution = await db.DigitalInstitutions.Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("机构目录条目", request.Id);
        var read = Preconditions.Require(request.IfMatch, institution.ConcurrencyStamp);
        var errors = new List<FieldError>();
        var (from, to, scopes) = DigitalInputs.Listing(request.Body ?? new InstitutionBody(null, null, null, null, null), errors);
        DigitalInputs.ThrowIfAny(errors);

        institution.ValidFrom = from;
        institution.ValidTo = to;
        foreach (var gone in institution.Scopes.Where(s => !scopes.Contains((s.Field, s.Level))).ToList())
        {
            institution.Scopes.Remove(gone);
        }

        foreach (var (field, level) in scopes.Where(s => !institution.Covers(s.Field, s.Level)))
        {
            institution.Scopes.Add(new DigitalInstitutionScope { InstitutionId = institution.Id, Field = field, Level = level });
        }

        institution.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        institution.UpdatedByName = access.Actor.Name;
        db.Entry(institution).Property(i => i.ConcurrencyStamp).OriginalValue = read;
        institution.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), institution.ConcurrencyStamp);
    }

    private async Task<DigitalInstitution> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.DigitalInstitutions.AsNoTracking().Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw DigitalEngineerViews.NotFound("机构目录条目", id);
}

/// <summary>Reading the text fields of the digital-engineer bodies, every problem named at once.</summary>
internal static class DigitalInputs
{
    public static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    public static InstitutionKind? OptionalKind(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DigitalEngineerCatalog.TryParseKind(text, out var kind))
        {
            return kind;
        }

        errors.Add(new FieldError("kind", "invalid_value", "机构类别（kind）无效，应为 Training（培训机构）或 Evaluation（评价机构）。"));
        return null;
    }

    public static DigitalField? OptionalField(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DigitalEngineerCatalog.TryParseField(text, out var field))
        {
            return field;
        }

        errors.Add(new FieldError(name, "invalid_value", $"数字技术领域（{name}）无效，应为以下之一：{DigitalEngineerCatalog.FieldChoices()}。"));
        return null;
    }

    public static DigitalLevel? OptionalLevel(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DigitalEngineerCatalog.TryParseLevel(text, out var level))
        {
            return level;
        }

        errors.Add(new FieldError(name, "invalid_value", $"专业技术等级（{name}）无效，应为 Junior（初级）、Intermediate（中级）或 Senior（高级）。"));
        return null;
    }

    public static DigitalField RequiredField(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(name, "required", $"数字技术领域（{name}）不能为空。"));
            return default;
        }

        return OptionalField(text, name, errors) ?? default;
    }

    public static DigitalLevel RequiredLevel(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(name, "required", $"专业技术等级（{name}）不能为空。"));
            return default;
        }

        return OptionalLevel(text, name, errors) ?? default;
    }

    public static (DateOnly From, DateOnly To, HashSet<(DigitalField Field, DigitalLevel Level)> Scopes) Listing(InstitutionBody body, List<FieldError> errors)
    {
        if (body.ValidFrom is null)
        {
            errors.Add(new FieldError("validFrom", "required", "有效期起（validFrom）不能为空，格式为 yyyy-MM-dd。"));
        }

        if (body.ValidTo is null)
        {
            errors.Add(new FieldError("validTo", "required", "有效期止（validTo）不能为空，格式为 yyyy-MM-dd。"));
        }

        if (body.ValidFrom is { } f && body.ValidTo is { } t && f > t)
        {
            errors.Add(new FieldError("validTo", "before_start", "有效期止（validTo）不能早于有效期起（validFrom）。"));
        }

        var scopes = new HashSet<(DigitalField, DigitalLevel)>();
        if (body.Scopes is null || body.Scopes.Count == 0)
        {
            errors.Add(new FieldError("scopes", "required", "请至少列出一个领域和等级（scopes：[{ field, level }]）。"));
        }
        else
        {
            for (var i = 0; i < body.Scopes.Count; i++)
            {
                var scope = body.Scopes[i];
                var count = errors.Count;
                var field = RequiredField(scope?.Field, $"scopes[{i}].field", errors);
                var level = RequiredLevel(scope?.Level, $"scopes[{i}].level", errors);
                if (errors.Count == count)
                {
                    scopes.Add((field, level));
                }
            }
        }

        return (body.ValidFrom ?? default, body.ValidTo ?? default, scopes);
    }
}
