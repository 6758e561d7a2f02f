using FluentValidation;
using KnowledgeRenewal.Sdk;
using MediatR;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Application;

/// <summary>
/// First step of every request: checks what the request carries against the platform's input rules
/// (<see cref="RequestInput"/>: free text without control or bidirectional characters, enum values within their
/// sets), then runs the request's FluentValidation validators, and refuses the request with every field error at
/// once (<see cref="RequestValidationException"/>, a 400 problem) before any handler runs. Validators see only
/// input that passed the platform's rules. A failure's custom state, when it is an <see cref="int"/>, is the row of
/// its field error (see <see cref="FieldErrorValidation"/>).
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var input = RequestInput.Check(request);
        if (input.Count > 0)
        {
            throw new RequestValidationException(input);
        }

        var errors = new List<FieldError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken).ConfigureAwait(false);
            errors.AddRange(result.Errors.Select(e => new FieldError(FieldPath(e.PropertyName), e.ErrorCode, e.ErrorMessage, e.CustomState as int?)));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return await next().ConfigureAwait(false);
    }

    private static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
