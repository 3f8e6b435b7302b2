namespace Civic.Network.ResourcePersons;

/// <summary>
/// What of a profile someone outside the municipality may see: opted-in public profiles, and a partner also the
/// profiles of the people in their own network groups; of either only the name, the kind and the fields the owner
/// chose to share with citizens and partners. Search and facets work on this redacted copy for outsiders, so a hidden
/// field cannot be found out by searching for it either.
/// </summary>
public static class ProfileVisibility
{
    public static bool IsVisibleToOutsiders(ResourcePerson person) => person.OptedIn && person.Visibility == Visibility.Public;

    /// <summary>
    /// What a partner sees of someone who shares a network group with them, whatever the profile's own visibility: the
    /// group page shows them the person already, and the partner needs the shared fields to work with them, but a field
    /// the owner keeps internal stays the municipality's, exactly as for <see cref="ForOutsiders"/>.
    /// </summary>
    public static ResourcePerson ForFellowMember(ResourcePerson person) => ForOutsiders(person);

    /// <summary>A copy of <paramref name="person"/> without the fields that are not shared.</summary>
    public static ResourcePerson ForOutsiders(ResourcePerson person)
    {
        bool Shared(ProfileField field) => person.PublicFields.Contains(field);
        return new ResourcePerson
        {
            Id = person.Id,
            DisplayName = person.DisplayName,
            Kind = person.Kind,
            Organisation = Shared(ProfileField.Organisation) ? person.Organisation : string.Empty,
            Role = Shared(ProfileField.Role) ? person.Role : string.Empty,
            CompetenceIds = Shared(ProfileField.Competences) ? [.. person.CompetenceIds] : [],
            Competences = Shared(ProfileField.Competences) ? [.. person.Competences] : [],
            ChallengeAreas = Shared(ProfileField.ChallengeAreas) ? [.. person.ChallengeAreas] : [],
            ServiceCodes = Shared(ProfileField.ServicesKnown) ? [.. person.ServiceCodes] : [],
            ServicesKnown = Shared(ProfileField.ServicesKnown) ? [.. person.ServicesKnown] : [],
            Languages = Shared(ProfileField.Languages) ? [.. person.Languages] : [],
            CapacityHoursPerMonth = Shared(ProfileField.Capacity) ? person.CapacityHoursPerMonth : 0,
            Description = Shared(ProfileField.Description) ? person.Description : string.Empty,
            OptedIn = person.OptedIn,
            Visibility = person.Visibility,
            PublicFields = [.. person.PublicFields],
            CompletedAssignments = person.CompletedAssignments,
            FeedbackPoints = 0,
            CreatedAt = person.CreatedAt,
            UpdatedAt = person.UpdatedAt,
            ConfirmedAt = person.ConfirmedAt,
            ConfirmationRequestedAt = person.ConfirmationRequestedAt,
        };
    }
}
