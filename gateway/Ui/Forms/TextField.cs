namespace Civic.Gateway.Ui.Forms;

/// <summary>
/// A labelled text input with an optional hint and error message, both tied to the input with
/// <c>aria-describedby</c> (rendered by the _TextField partial).
/// </summary>
public sealed record TextField(string Id, string Name, string Label, string? Hint, string? Value, string? Error, string Autocomplete = "off")
{
    public string HintId => $"{Id}-hint";

    public string ErrorId => $"{Id}-error";

    /// <summary>The ids of the hint and the error, as they appear on the page.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>(2);
            if (Hint is not null)
            {
                ids.Add(HintId);
            }

            if (Error is not null)
            {
                ids.Add(ErrorId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }
}
