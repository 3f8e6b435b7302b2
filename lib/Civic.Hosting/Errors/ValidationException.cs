namespace Civic.Hosting.Errors;

/// <summary>One wrong field of a request.</summary>
/// <param name="Field">The field's path in snake_case as in the proto, e.g. "name.da" or "page.page_token".</param>
/// <param name="Description">What is wrong and how to fix it, in English.</param>
/// <param name="DanishDescription">The same in Danish.</param>
public sealed record FieldViolation(string Field, string Description, string DanishDescription);

/// <summary>Why a request was refused as invalid; carried to clients as a stable reason.</summary>
public enum ValidationReason
{
    /// <summary>One or more fields have wrong values.</summary>
    InvalidField,

    /// <summary>A text looks like it contains a CPR number (personal identification number).</summary>
    PersonalDataInText,
}

/// <summary>A request with one or more wrong fields; nothing was changed.</summary>
public sealed class ValidationException : DomainException
{
    public ValidationException(IEnumerable<FieldViolation> violations, ValidationReason reason = ValidationReason.InvalidField)
        : this(violations.ToArray(), reason)
    {
    }

    public ValidationException(string field, string description, string danishDescription, ValidationReason reason = ValidationReason.InvalidField)
        : this([new FieldViolation(field, description, danishDescription)], reason)
    {
    }

    private ValidationException(FieldViolation[] violations, ValidationReason reason)
        : base(Summarise(violations, v => v.Description, "The request is invalid."), Summarise(violations, v => v.DanishDescription, "Forespørgslen er ugyldig."))
    {
        Violations = violations;
        Reason = reason;
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    public ValidationReason Reason { get; }

    private static string Summarise(FieldViolation[] violations, Func<FieldViolation, string> text, string empty) => violations.Length switch
    {
        0 => empty,
        1 => $"{violations[0].Field}: {text(violations[0])}",
        _ => string.Join(" ", violations.Select(v => $"{v.Field}: {text(v)}")),
    };
}
