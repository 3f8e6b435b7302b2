using System.Text.RegularExpressions;
using Civic.Hosting.Errors;
using Civic.Hosting.Notifications;

namespace Civic.Panel.Pool;

/// <summary>What a volunteer tells us when signing up (online or assisted by staff).</summary>
public sealed record MemberDetails(
    string Name, string Email, string Phone, IReadOnlyDictionary<string, string> Features, string Availability, IReadOnlyList<string> Languages,
    bool ConsentAccepted, string ConsentTextVersion);

/// <summary>What a valid sign-up looks like. Plain C#, so it is tested without a server or a database.</summary>
public static partial class SignUpRules
{
    public const int MaxNameLength = 200;
    public const int MaxAvailabilityLength = 500;
    public const int MaxLanguages = 10;

    /// <summary>
    /// Checks every field against the feature schema and the consent text in force and throws one
    /// <see cref="ValidationException"/> naming each wrong field (a feature value not in the schema names
    /// the valid ones). Online sign-up needs an e-mail address (the confirmation goes there); assisted
    /// sign-up needs an e-mail address or a phone number. Returns the details trimmed.
    /// </summary>
    public static MemberDetails Validate(MemberDetails details, IReadOnlyList<FeatureSchemaValue> schema, bool assisted)
    {
        var violations = new FieldViolations()
            .Required("name", details.Name, "your name", "dit navn")
            .MaxLength("name", details.Name.Trim(), MaxNameLength, "the name", "navnet")
            .MaxLength("availability", details.Availability.Trim(), MaxAvailabilityLength, "the availability", "tilgængeligheden");
        var email = details.Email.Trim();
        if (email.Length == 0 && (!assisted || details.Phone.Trim().Length == 0))
        {
            violations.Add("email",
                assisted ? "Give an e-mail address or a phone number so the member can be contacted." : "Your e-mail address is required: the confirmation link is sent there.",
                assisted ? "Angiv en e-mailadresse eller et telefonnummer, så medlemmet kan kontaktes." : "Din e-mailadresse skal udfyldes: linket til bekræftelse sendes dertil.");
        }
        else if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            violations.Add("email", "The e-mail address is not valid, e.g. navn@example.dk.", "E-mailadressen er ikke gyldig, fx navn@example.dk.");
        }

        var phone = PhoneSeparators().Replace(details.Phone.Trim(), string.Empty);
        if (phone.Length > 0 && !Phone().IsMatch(phone))
        {
            violations.Add("phone", "The phone number must have 8 digits, optionally with a country code such as +45.", "Telefonnummeret skal have 8 cifre, evt. med landekode som +45.");
        }

        var features = ValidateFeatures(violations, details.Features, schema);
        var languages = details.Languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count > MaxLanguages || languages.Any(l => !LanguageCode().IsMatch(l)))
        {
            violations.Add("languages", $"Give at most {MaxLanguages} languages as two-letter codes, e.g. da, en, ar.", $"Angiv højst {MaxLanguages} sprog som koder på to bogstaver, fx da, en, ar.");
        }

        if (!details.ConsentAccepted)
        {
            violations.Add("consent", "Consent is required to join the pool: read the text and tick the box.", "Du skal give samtykke for at komme med i puljen: læs teksten, og sæt kryds.");
        }
        else if (details.ConsentTextVersion.Trim() != ConsentText.CurrentVersion)
        {
            violations.Add("consent.text_version",
                $"Consent must be given to the consent text in force (version {ConsentText.CurrentVersion}); reload the form and read it again.",
                $"Samtykket skal gives til den gældende samtykketekst (version {ConsentText.CurrentVersion}); hent formularen igen, og læs den.");
        }

        violations.ThrowIfAny();
        return details with
        {
            Name = details.Name.Trim(), Email = email, Phone = phone, Features = features, Availability = details.Availability.Trim(), Languages = languages,
        };
    }

    /// <summary>
    /// Checks feature values against the schema and returns the valid ones, trimmed. A sign-up must give every
    /// category (<paramref name="everyCategory"/>); a filter gives any of them, an empty value meaning none.
    /// </summary>
    internal static Dictionary<string, string> ValidateFeatures(FieldViolations violations, IReadOnlyDictionary<string, string> given, IReadOnlyList<FeatureSchemaValue> schema, bool everyCategory = true)
    {
        var categories = schema.GroupBy(v => v.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToList(), StringComparer.Ordinal);
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (category, values) in categories.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var field = $"features.{category}";
            var choices = string.Join(", ", values);
            if (!given.TryGetValue(category, out var value) || value.Trim().Length == 0)
            {
                if (!everyCategory)
                {
                    continue;
                }

                violations.Add(field, $"Choose a value for '{category}'. Valid values: {choices}.", $"Vælg en værdi for '{category}'. Gyldige værdier: {choices}.");
            }
            else if (!values.Contains(value.Trim(), StringComparer.Ordinal))
            {
                violations.Add(field,
                    $"'{value.Trim()}' is not a value of '{category}' in the feature schema. Valid values: {choices}.",
                    $"'{value.Trim()}' er ikke en værdi af '{category}' i skemaet. Gyldige værdier: {choices}.");
            }
            else
            {
                valid[category] = value.Trim();
            }
        }

        foreach (var unknown in given.Keys.Where(k => !categories.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            var known = string.Join(", ", categories.Keys.Order(StringComparer.Ordinal));
            violations.Add($"features.{unknown}",
                $"'{unknown}' is not a category of the feature schema. Categories: {known}.",
                $"'{unknown}' er ikke en kategori i skemaet. Kategorier: {known}.");
        }

        return valid;
    }

    [GeneratedRegex(@"^(\+\d{2,3})?\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\s\-]", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex("^[a-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
