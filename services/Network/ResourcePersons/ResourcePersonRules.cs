using Civic.Hosting.Errors;
using Civic.Hosting.Notifications;
using Civic.Network.Search;
using Civic.Network.Taxonomy;

namespace Civic.Network.ResourcePersons;

/// <summary>What a valid resource person looks like. Plain C#, so it is tested without a server or a database.</summary>
public static class ResourcePersonRules
{
    public const int MaxNameLength = 200;
    public const int MaxTermLength = 100;
    public const int MaxTerms = 30;
    public const int MaxDescriptionLength = 2000;
    public const int MaxUserIdLength = 200;

    /// <summary>A month's working hours: a profile cannot promise more than a full-time job.</summary>
    public const int MaxCapacityHoursPerMonth = 160;

    /// <summary>
    /// Bounds on a search's free text, far above any real search: every query word is compared with
    /// every profile word, so an unbounded query (megabytes, or thousands of words) is work for
    /// nothing, paid by everyone else.
    /// </summary>
    public const int MaxQueryLength = 200;

    /// <inheritdoc cref="MaxQueryLength"/>
    public const int MaxQueryWords = 12;

    /// <summary>The query's distinct words (<see cref="DanishText.Words"/>), after refusing a query beyond the bounds.</summary>
    /// <exception cref="ValidationException">The query is too long or has too many words.</exception>
    public static IReadOnlyList<string> QueryWords(string? query)
    {
        // The length first: it is checked without reading the text.
        if (query?.Length > MaxQueryLength)
        {
            throw new ValidationException("query",
                $"The search text may be at most {MaxQueryLength} characters; it has {query.Length}. Search with a few words.",
                $"Søgeteksten må højst være {MaxQueryLength} tegn; den er {query.Length}. Søg med nogle få ord.");
        }

        var words = DanishText.Words(query).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count > MaxQueryWords)
        {
            throw new ValidationException("query",
                $"Search with at most {MaxQueryWords} words; the search text has {words.Count}.",
                $"Søg med højst {MaxQueryWords} ord; søgeteksten har {words.Count}.");
        }

        return words;
    }

    /// <summary>
    /// Checks every field and throws one <see cref="ValidationException"/> naming each wrong one;
    /// returns the person with trimmed texts and lists without blanks or duplicates. A competence id is known
    /// when <paramref name="isCompetence"/> says so (the taxonomy with its folds), or else when the fixed taxonomy has it.
    /// </summary>
    public static NewResourcePerson Validate(NewResourcePerson person, Func<string, bool>? isCompetence = null)
    {
        isCompetence ??= id => CompetenceTaxonomy.Find(id) is not null;
        var violations = new FieldViolations()
            .Required("display_name", person.DisplayName, "the name", "navnet")
            .MaxLength("display_name", person.DisplayName.Trim(), MaxNameLength, "the name", "navnet")
            .Required("organisation", person.Organisation, "the organisation (department code or organisation name)", "organisationen (forvaltningens kode eller organisationens navn)")
            .MaxLength("organisation", person.Organisation.Trim(), MaxNameLength, "the organisation", "organisationen");
        CheckTerms(violations, "competences", person.Competences, "competences", "kompetencer");
        CheckTerms(violations, "challenge_areas", person.ChallengeAreas, "challenge areas", "udfordringsområder");
        CheckTerms(violations, "services_known", person.ServicesKnown, "services", "ydelser");
        violations
            .MaxLength("role", person.Role.Trim(), MaxNameLength, "the role", "rollen")
            .MaxLength("description", person.Description.Trim(), MaxDescriptionLength, "the description", "beskrivelsen")
            .MaxLength("manager_id", person.ManagerId.Trim(), MaxUserIdLength, "the manager's user id", "lederens bruger-id")
            .MaxLength("owner_id", person.OwnerId.Trim(), MaxUserIdLength, "the owner's user id", "ejerens bruger-id");
        CheckEmail(violations, "contact_email", person.ContactEmail, "the person's e-mail address", "personens e-mailadresse");
        CheckEmail(violations, "manager_email", person.ManagerEmail, "the manager's e-mail address", "lederens e-mailadresse");
        if (person.CompetenceIds.Count > MaxTerms)
        {
            violations.Add("competence_ids", $"At most {MaxTerms} competences (there are {person.CompetenceIds.Count}).", $"Højst {MaxTerms} kompetencer (der er {person.CompetenceIds.Count}).");
        }

        for (var i = 0; i < person.CompetenceIds.Count && i < MaxTerms; i++)
        {
            if (!isCompetence(person.CompetenceIds[i]))
            {
                violations.Add($"competence_ids[{i}]",
                    $"'{Shorten(person.CompetenceIds[i])}' is not a competence of the taxonomy. Take ids from GetTaxonomy, or write the competence under competences (other).",
                    $"'{Shorten(person.CompetenceIds[i])}' er ikke en kompetence i taksonomien. Brug id'er fra GetTaxonomy, eller skriv kompetencen under competences (andet).");
            }
        }

        CheckServiceCodes(violations, person.ServiceCodes);
        if (person.CapacityHoursPerMonth is < 0 or > MaxCapacityHoursPerMonth)
        {
            violations.Add("capacity_hours_per_month",
                $"The capacity must be between 0 and {MaxCapacityHoursPerMonth} hours a month.",
                $"Kapaciteten skal være mellem 0 og {MaxCapacityHoursPerMonth} timer om måneden.");
        }

        violations.ThrowIfAny();
        return person with
        {
            DisplayName = person.DisplayName.Trim(),
            Organisation = person.Organisation.Trim(),
            Competences = Clean(person.Competences),
            ChallengeAreas = Clean(person.ChallengeAreas),
            ServiceCodes = person.ServiceCodes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            ServicesKnown = Clean(person.ServicesKnown),
            Languages = person.Languages.Distinct().ToList(),
            Role = person.Role.Trim(),
            Description = person.Description.Trim(),
            ManagerId = person.ManagerId.Trim(),
            OwnerId = person.OwnerId.Trim(),
            ContactEmail = person.ContactEmail.Trim(),
            ManagerEmail = person.ManagerEmail.Trim(),
            CompetenceIds = person.CompetenceIds.Distinct(StringComparer.Ordinal).ToList(),
            PublicFields = person.PublicFields.Distinct().Order().ToList(),
        };
    }

    private static void CheckEmail(FieldViolations violations, string field, string address, string englishName, string danishName)
    {
        var trimmed = address.Trim();
        if (trimmed.Length > 0 && !EmailAddresses.IsValid(trimmed))
        {
            violations.Add(field,
                $"{char.ToUpperInvariant(englishName[0])}{englishName[1..]} is not valid, e.g. navn@kommune.dk; leave it empty if there is none.",
                $"{char.ToUpperInvariant(danishName[0])}{danishName[1..]} er ikke gyldig, fx navn@kommune.dk; lad feltet stå tomt, hvis der ikke er en.");
        }
    }

    private static void CheckTerms(FieldViolations violations, string field, IReadOnlyList<string> terms, string englishName, string danishName)
    {
        if (terms.Count > MaxTerms)
        {
            violations.Add(field, $"At most {MaxTerms} {englishName} (there are {terms.Count}).", $"Højst {MaxTerms} {danishName} (der er {terms.Count}).");
        }

        for (var i = 0; i < terms.Count; i++)
        {
            violations.MaxLength($"{field}[{i}]", terms[i].Trim(), MaxTermLength, "each entry", "hvert punkt");
        }
    }

    private static void CheckServiceCodes(FieldViolations violations, IReadOnlyList<string> codes)
    {
        if (codes.Count > MaxTerms)
        {
            violations.Add("service_codes", $"At most {MaxTerms} services (there are {codes.Count}).", $"Højst {MaxTerms} tilbud (der er {codes.Count}).");
        }

        for (var i = 0; i < codes.Count && i < MaxTerms; i++)
        {
            if (ServiceTaxonomy.Find(codes[i].Trim()) is null)
            {
                violations.Add($"service_codes[{i}]",
                    $"'{Shorten(codes[i])}' is not a service area of the taxonomy (KL Emnesystematik). Take codes from GetTaxonomy, or write the service under services_known (other).",
                    $"'{Shorten(codes[i])}' er ikke et område i tilbudslisten (KL Emnesystematik). Brug koder fra GetTaxonomy, eller skriv tilbuddet under andre tilbud.");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= MaxTermLength ? text : text[..MaxTermLength] + "…";

    private static List<string> Clean(IReadOnlyList<string> terms) =>
        terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
