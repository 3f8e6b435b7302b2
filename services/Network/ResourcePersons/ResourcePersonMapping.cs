using Civic.Contracts.Network.V1;
using Civic.Hosting.Errors;
using Civic.Network.Search;
using Civic.Network.Taxonomy;
using Google.Protobuf.WellKnownTypes;
using MunicipalService = Civic.Network.Taxonomy.MunicipalService;
using LanguageMessage = Civic.Contracts.Common.V1.Language;
using PersonKindMessage = Civic.Contracts.Network.V1.PersonKind;
using ProfileFieldMessage = Civic.Contracts.Network.V1.ProfileField;
using ResourcePersonMessage = Civic.Contracts.Network.V1.ResourcePerson;
using VisibilityMessage = Civic.Contracts.Network.V1.Visibility;

namespace Civic.Network.ResourcePersons;

/// <summary>Between civic.network.v1 messages and the resource person domain.</summary>
public static class ResourcePersonMapping
{
    /// <summary>The profile as given (for outsiders the directory has already redacted it).</summary>
    public static ResourcePersonMessage ToMessage(ResourcePerson person, int availableHours) => new()
    {
        Id = person.Id,
        DisplayName = person.DisplayName,
        Kind = person.Kind == PersonKind.Partner ? PersonKindMessage.Partner : PersonKindMessage.Staff,
        Organisation = person.Organisation,
        Role = person.Role,
        TaxonomyCompetences = { person.CompetenceIds.Select(id => new CompetenceRef { Id = id, Name = CompetenceTaxonomy.Find(id)?.Name ?? id }) },
        Competences = { person.Competences },
        ChallengeAreas = { person.ChallengeAreas },
        TaxonomyServices = { person.ServiceCodes.Select(ServiceTaxonomy.Find).OfType<MunicipalService>().Select(s => new MunicipalServiceRef { Code = s.Code, Name = s.Name, EnglishName = s.EnglishName }) },
        ServicesKnown = { person.ServicesKnown },
        Languages = { person.Languages.Select(ToMessage) },
        CapacityHoursPerMonth = person.CapacityHoursPerMonth,
        AvailableHoursThisMonth = availableHours,
        Description = person.Description,
        ManagerId = person.ManagerId,
        OwnerId = person.OwnerId,
        ContactEmail = person.ContactEmail,
        ManagerEmail = person.ManagerEmail,
        OptedIn = person.OptedIn,
        Visibility = person.Visibility == Visibility.Public ? VisibilityMessage.Public : VisibilityMessage.Internal,
        PublicFields = { person.PublicFields.Select(f => (ProfileFieldMessage)((int)f + 1)) },
        CompletedAssignments = person.CompletedAssignments,
        CreatedAt = Timestamp.FromDateTimeOffset(person.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(person.UpdatedAt),
        ConfirmedAt = Timestamp.FromDateTimeOffset(person.ConfirmedAt),
        Stale = person.IsStale,
    };

    public static Civic.Contracts.Network.V1.FacetValue ToMessage(FacetCount facet) => new() { Value = facet.Value, Label = facet.Label, Count = facet.Count };

    /// <summary>Unspecified visibility means internal and unspecified kind means staff: a profile is only shown to citizens when someone chose so.</summary>
    public static NewResourcePerson ToNewResourcePerson(CreateResourcePersonRequest request, string prefix = "")
    {
        var violations = new FieldViolations();
        var languages = Languages(request.Languages, $"{prefix}languages", violations);
        if (request.Visibility is not (VisibilityMessage.Unspecified or VisibilityMessage.Internal or VisibilityMessage.Public))
        {
            violations.Add($"{prefix}visibility", "The visibility must be VISIBILITY_INTERNAL or VISIBILITY_PUBLIC.", "Synligheden skal være VISIBILITY_INTERNAL eller VISIBILITY_PUBLIC.");
        }

        if (request.Kind is not (PersonKindMessage.Unspecified or PersonKindMessage.Staff or PersonKindMessage.Partner))
        {
            violations.Add($"{prefix}kind", "The kind must be PERSON_KIND_STAFF or PERSON_KIND_PARTNER.", "Typen skal være PERSON_KIND_STAFF eller PERSON_KIND_PARTNER.");
        }

        var fields = new List<ProfileField>();
        for (var i = 0; i < request.PublicFields.Count; i++)
        {
            var value = (int)request.PublicFields[i];
            if (value is >= 1 and <= 8)
            {
                fields.Add((ProfileField)(value - 1));
            }
            else
            {
                violations.Add($"{prefix}public_fields[{i}]", "Each public field must be one of the PROFILE_FIELD_ values other than UNSPECIFIED.",
                    "Hvert offentligt felt skal være en af PROFILE_FIELD_-værdierne (ikke UNSPECIFIED).");
            }
        }

        violations.ThrowIfAny();
        return new NewResourcePerson(
            request.DisplayName,
            request.Organisation,
            request.Competences,
            request.ChallengeAreas,
            languages,
            request.CapacityHoursPerMonth,
            request.Visibility == VisibilityMessage.Public ? Visibility.Public : Visibility.Internal)
        {
            Kind = request.Kind == PersonKindMessage.Partner ? PersonKind.Partner : PersonKind.Staff,
            Role = request.Role,
            CompetenceIds = request.CompetenceIds,
            ServiceCodes = request.ServiceCodes,
            ServicesKnown = request.ServicesKnown,
            Description = request.Description,
            ManagerId = request.ManagerId,
            OwnerId = request.OwnerId,
            ContactEmail = request.ContactEmail,
            ManagerEmail = request.ManagerEmail,
            OptedIn = request.OptedIn,
            PublicFields = fields,
        };
    }

    public static SearchFilters ToFilters(SearchResourcePersonsRequest request)
    {
        var violations = new FieldViolations();
        var languages = Languages(request.Languages, "languages", violations);
        if (request.MinAvailableHours is < 0 or > ResourcePersonRules.MaxCapacityHoursPerMonth)
        {
            violations.Add("min_available_hours", $"The minimum of available hours must be between 0 and {ResourcePersonRules.MaxCapacityHoursPerMonth}.",
                $"Mindste antal ledige timer skal være mellem 0 og {ResourcePersonRules.MaxCapacityHoursPerMonth}.");
        }

        if (request.Organisations.Count + request.CompetenceIds.Count + request.ChallengeAreas.Count > 3 * ResourcePersonRules.MaxTerms)
        {
            violations.Add("organisations", "Too many facet values; filter by fewer.", "For mange filterværdier; filtrér på færre.");
        }

        violations.ThrowIfAny();
        return new SearchFilters(request.Organisations, request.CompetenceIds, request.ChallengeAreas, languages, request.MinAvailableHours);
    }

    private static List<WorkingLanguage> Languages(Google.Protobuf.Collections.RepeatedField<LanguageMessage> requested, string field, FieldViolations violations)
    {
        var languages = new List<WorkingLanguage>();
        for (var i = 0; i < requested.Count; i++)
        {
            if (ToDomain(requested[i]) is { } language)
            {
                languages.Add(language);
            }
            else
            {
                violations.Add($"{field}[{i}]", "Each language must be LANGUAGE_DANISH, LANGUAGE_ENGLISH or LANGUAGE_OTHER.",
                    "Hvert sprog skal være LANGUAGE_DANISH, LANGUAGE_ENGLISH eller LANGUAGE_OTHER.");
            }
        }

        return languages;
    }

    private static WorkingLanguage? ToDomain(LanguageMessage language) => language switch
    {
        LanguageMessage.Danish => WorkingLanguage.Danish,
        LanguageMessage.English => WorkingLanguage.English,
        LanguageMessage.Other => WorkingLanguage.Other,
        _ => null,
    };

    private static LanguageMessage ToMessage(WorkingLanguage language) => language switch
    {
        WorkingLanguage.Danish => LanguageMessage.Danish,
        WorkingLanguage.English => LanguageMessage.English,
        _ => LanguageMessage.Other,
    };
}
