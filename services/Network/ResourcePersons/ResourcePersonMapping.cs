using Civic.Contracts.Network.V1;
using Civic.Hosting.Errors;
using Google.Protobuf.WellKnownTypes;
using LanguageMessage = Civic.Contracts.Common.V1.Language;
using ResourcePersonMessage = Civic.Contracts.Network.V1.ResourcePerson;
using VisibilityMessage = Civic.Contracts.Network.V1.Visibility;

namespace Civic.Network.ResourcePersons;

/// <summary>Between civic.network.v1 messages and the resource person domain.</summary>
public static class ResourcePersonMapping
{
    public static ResourcePersonMessage ToMessage(ResourcePerson person) => new()
    {
        Id = person.Id,
        DisplayName = person.DisplayName,
        Organisation = person.Organisation,
        Competences = { person.Competences },
        ChallengeAreas = { person.ChallengeAreas },
        Languages = { person.Languages.Select(ToMessage) },
        CapacityHoursPerMonth = person.CapacityHoursPerMonth,
        Visibility = person.Visibility == Visibility.Public ? VisibilityMessage.Public : VisibilityMessage.Internal,
        CreatedAt = Timestamp.FromDateTimeOffset(person.CreatedAt),
    };

    /// <summary>Unspecified visibility means internal: a profile is only shown to citizens when someone chose so.</summary>
    public static NewResourcePerson ToNewResourcePerson(CreateResourcePersonRequest request)
    {
        var violations = new FieldViolations();
        var languages = new List<WorkingLanguage>();
        for (var i = 0; i < request.Languages.Count; i++)
        {
            if (ToDomain(request.Languages[i]) is { } language)
            {
                languages.Add(language);
            }
            else
            {
                violations.Add($"languages[{i}]", "Each language must be LANGUAGE_DANISH, LANGUAGE_ENGLISH or LANGUAGE_OTHER.",
                    "Hvert sprog skal være LANGUAGE_DANISH, LANGUAGE_ENGLISH eller LANGUAGE_OTHER.");
            }
        }

        if (request.Visibility is not (VisibilityMessage.Unspecified or VisibilityMessage.Internal or VisibilityMessage.Public))
        {
            violations.Add("visibility", "The visibility must be VISIBILITY_INTERNAL or VISIBILITY_PUBLIC.", "Synligheden skal være VISIBILITY_INTERNAL eller VISIBILITY_PUBLIC.");
        }

        violations.ThrowIfAny();
        return new NewResourcePerson(
            request.DisplayName,
            request.Organisation,
            request.Competences,
            request.ChallengeAreas,
            languages,
            request.CapacityHoursPerMonth,
            request.Visibility == VisibilityMessage.Public ? Visibility.Public : Visibility.Internal);
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
