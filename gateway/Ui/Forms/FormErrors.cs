namespace Civic.Gateway.Ui.Forms;

/// <summary>One problem with what was sent: the id of the field it concerns and what to do about it.</summary>
public sealed record FormError(string FieldId, string Message);

/// <summary>
/// The problems a form submission had, in the order of the fields. The error summary at the top of
/// the page lists them, each linking to its field; each field shows its own message too.
/// </summary>
public sealed class FormErrors
{
    private readonly List<FormError> _errors = [];

    public IReadOnlyList<FormError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string fieldId, string message) => _errors.Add(new FormError(fieldId, message));

    /// <summary>The message for <paramref name="fieldId"/>, or null when the field is fine.</summary>
    public string? For(string fieldId) => _errors.Find(error => error.FieldId == fieldId)?.Message;
}
