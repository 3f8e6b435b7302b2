namespace Civic.Hosting.Errors;

/// <summary>
/// Collects every wrong field of a request, so that the caller hears about all of them at once,
/// then throws one <see cref="ValidationException"/>.
/// </summary>
public sealed class FieldViolations
{
    private readonly List<FieldViolation> _violations = [];
    private ValidationReason _reason = ValidationReason.InvalidField;

    /// <summary>True when no field is wrong.</summary>
    public bool IsEmpty => _violations.Count == 0;

    /// <summary>The violations collected so far.</summary>
    public IReadOnlyList<FieldViolation> Items => _violations;

    /// <summary>Records a wrong field.</summary>
    public FieldViolations Add(string field, string description, string danishDescription)
    {
        _violations.Add(new FieldViolation(field, description, danishDescription));
        return this;
    }

    /// <summary>Records a text that contains personal data; the reason of the whole error becomes that.</summary>
    public FieldViolations AddPersonalData(string field, string description, string danishDescription)
    {
        _reason = ValidationReason.PersonalDataInText;
        return Add(field, description, danishDescription);
    }

    /// <summary>Records a violation when <paramref name="value"/> is empty or white space.</summary>
    public FieldViolations Required(string field, string? value, string englishName, string danishName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{Capitalise(englishName)} is required.", $"{Capitalise(danishName)} skal udfyldes.");
        }

        return this;
    }

    /// <summary>Records a violation when <paramref name="value"/> is longer than <paramref name="maxLength"/>.</summary>
    public FieldViolations MaxLength(string field, string? value, int maxLength, string englishName, string danishName)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{Capitalise(englishName)} must be at most {maxLength} characters (it is {value.Length}).",
                $"{Capitalise(danishName)} må højst være {maxLength} tegn (nu {value.Length}).");
        }

        return this;
    }

    /// <summary>Throws a <see cref="ValidationException"/> with every violation, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new ValidationException(_violations, _reason);
        }
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
