using Civic.Contracts.Panel.V1;

namespace Civic.Gateway.Pages.Panel;

/// <summary>What the sign-up forms send (online and assisted), bound from the posted form.</summary>
public sealed class MemberForm
{
    /// <summary>The languages offered as checkboxes: ISO 639-1 code and Danish/English name.</summary>
    public static readonly IReadOnlyList<(string Code, Civic.Gateway.Ui.Localization.LocalText Name)> LanguageChoices =
    [
        ("da", new("Dansk", "Danish")), ("en", new("Engelsk", "English")), ("de", new("Tysk", "German")), ("ar", new("Arabisk", "Arabic")),
        ("tr", new("Tyrkisk", "Turkish")), ("uk", new("Ukrainsk", "Ukrainian")), ("pl", new("Polsk", "Polish")), ("so", new("Somali", "Somali")),
    ];

    private static readonly string[] PlainFields = ["name", "email", "phone", "availability", "languages", "consent", "consent.text_version"];

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public Dictionary<string, string> Features { get; set; } = new(StringComparer.Ordinal);

    public string? Availability { get; set; }

    public List<string> Languages { get; set; } = [];

    public bool Consent { get; set; }

    public string? ConsentVersion { get; set; }

    public ConsentGiven ConsentGiven => new() { Accepted = Consent, TextVersion = ConsentVersion ?? string.Empty };

    /// <summary>Each field the Pool service may name in a violation, with the id of the element it points to.</summary>
    public static IReadOnlyDictionary<string, string> FieldIds(GetSignUpFormResponse form) =>
        PlainFields
            .Concat(form.Categories.Select(c => "features." + c.Category))
            .ToDictionary(f => f, FieldId, StringComparer.Ordinal);

    /// <summary>The element id a violation of <paramref name="field"/> points to ("features.age_band" → "features-age_band").</summary>
    public static string FieldId(string field) => field switch
    {
        "consent.text_version" => "consent",
        _ => field.Replace('.', '-'),
    };
}

/// <summary>The sign-up fields partial's model: the schema and consent text, what was sent, and the problems with it.</summary>
public sealed record MemberFieldsView(GetSignUpFormResponse Form, MemberForm Values, Civic.Gateway.Ui.Forms.FormErrors Errors, bool Assisted);
