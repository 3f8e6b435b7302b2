using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Civic.Contracts.Network.V1;
using LanguageMessage = Civic.Contracts.Common.V1.Language;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// What the profile edit form posts, and how it becomes an UpdateResourcePerson request and back.
/// Lists of free text (other competences, other services) are one entry per line. An empty field binds as an
/// empty text, not null: the request's fields take no null.
/// </summary>
public sealed class ProfileForm
{
    public const string DisplayNameId = "display-name";
    public const string OrganisationId = "organisation";
    public const string RoleId = "role";
    public const string CompetenceIdsId = "competence-ids";
    public const string OtherCompetencesId = "other-competences";
    public const string ChallengeAreasId = "challenge-areas";
    public const string ServiceCodesId = "service-codes";
    public const string ServicesKnownId = "services-known";
    public const string LanguagesId = "languages";
    public const string CapacityId = "capacity";
    public const string ManagerId = "manager";
    public const string ContactEmailId = "contact-email";
    public const string ManagerEmailId = "manager-email";
    public const string DescriptionId = "description";
    public const string VisibilityId = "visibility";
    public const string PublicFieldsId = "public-fields";
    public const string OptedInId = "opted-in";

    /// <summary>The form's languages by their value in the form.</summary>
    public static IReadOnlyList<(string Value, LanguageMessage Language)> LanguageChoices { get; } =
        [("da", LanguageMessage.Danish), ("en", LanguageMessage.English), ("other", LanguageMessage.Other)];

    /// <summary>The fields an owner may share with citizens and partners, in the order the form shows them.</summary>
    public static IReadOnlyList<ProfileField> ShareableFields { get; } = [.. Enum.GetValues<ProfileField>().Where(f => f != ProfileField.Unspecified)];

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string DisplayName { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Organisation { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Role { get; set; } = string.Empty;

    public List<string> CompetenceIds { get; set; } = [];

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string OtherCompetences { get; set; } = string.Empty;

    public List<string> ChallengeAreas { get; set; } = [];

    public List<string> ServiceCodes { get; set; } = [];

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string ServicesKnown { get; set; } = string.Empty;

    public List<string> Languages { get; set; } = [];

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Capacity { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Manager { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string ContactEmail { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string ManagerEmail { get; set; } = string.Empty;

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Description { get; set; } = string.Empty;

    public bool Public { get; set; }

    public List<ProfileField> PublicFields { get; set; } = [];

    public bool OptedIn { get; set; }

    public static ProfileForm From(ResourcePerson person) => new()
    {
        DisplayName = person.DisplayName,
        Organisation = person.Organisation,
        Role = person.Role,
        CompetenceIds = [.. person.TaxonomyCompetences.Select(c => c.Id)],
        OtherCompetences = string.Join('\n', person.Competences),
        ChallengeAreas = [.. person.ChallengeAreas],
        ServiceCodes = [.. person.TaxonomyServices.Select(s => s.Code)],
        ServicesKnown = string.Join('\n', person.ServicesKnown),
        Languages = [.. LanguageChoices.Where(c => person.Languages.Contains(c.Language)).Select(c => c.Value)],
        Capacity = person.CapacityHoursPerMonth.ToString(CultureInfo.InvariantCulture),
        Manager = person.ManagerId,
        ContactEmail = person.ContactEmail,
        ManagerEmail = person.ManagerEmail,
        Description = person.Description,
        Public = person.Visibility == Visibility.Public,
        PublicFields = [.. person.PublicFields],
        OptedIn = person.OptedIn,
    };

    /// <summary>The whole profile to store; the kind is not edited here and stays as it is.</summary>
    public CreateResourcePersonRequest ToRequest(PersonKind kind, int hours) => new()
    {
        DisplayName = DisplayName,
        Kind = kind,
        Organisation = Organisation,
        Role = Role,
        CompetenceIds = { CompetenceIds },
        Competences = { Lines(OtherCompetences) },
        ChallengeAreas = { ChallengeAreas },
        ServiceCodes = { ServiceCodes },
        ServicesKnown = { Lines(ServicesKnown) },
        Languages = { LanguageChoices.Where(c => Languages.Contains(c.Value)).Select(c => c.Language) },
        CapacityHoursPerMonth = hours,
        ManagerId = Manager,
        ContactEmail = ContactEmail,
        ManagerEmail = ManagerEmail,
        Description = Description,
        Visibility = Public ? Visibility.Public : Visibility.Internal,
        PublicFields = { PublicFields.Where(ShareableFields.Contains) },
        OptedIn = OptedIn,
    };

    /// <summary>The capacity as a whole number of hours, or null when it is not one.</summary>
    public int? Hours => int.TryParse(Capacity.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) ? hours : null;

    /// <summary>
    /// The form field a violation of the service is about ("profile.competence_ids[2]" → the competence
    /// checkboxes); a field the form does not have goes on the name, the form's first field.
    /// </summary>
    public static string FieldId(string field)
    {
        var name = field.StartsWith("profile.", StringComparison.Ordinal) ? field["profile.".Length..] : field;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return (bracket < 0 ? name : name[..bracket]) switch
        {
            "organisation" => OrganisationId,
            "role" => RoleId,
            "competence_ids" => CompetenceIdsId,
            "competences" => OtherCompetencesId,
            "challenge_areas" => ChallengeAreasId,
            "service_codes" => ServiceCodesId,
            "services_known" => ServicesKnownId,
            "languages" => LanguagesId,
            "capacity_hours_per_month" => CapacityId,
            "manager_id" => ManagerId,
            "contact_email" => ContactEmailId,
            "manager_email" => ManagerEmailId,
            "description" => DescriptionId,
            "visibility" => VisibilityId,
            "public_fields" => PublicFieldsId,
            _ => DisplayNameId,
        };
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
