using Civic.Hosting.DemoData;
using Civic.Network.Search;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.ResourcePersons;

/// <summary>
/// The one-machine demo: four hand-written resource persons (fixed ids the gateway tests use) and
/// ~2,000 staff across the seven departments plus ~40 civil-society partners generated from a fixed
/// seed (<see cref="DemoProfileGenerator"/>), so every machine gets the same people. Each added once, by id.
/// </summary>
public sealed class DemoResourcePersons(NetworkDbContext db, ISearchIndex index, TimeProvider timeProvider) : IDemoDataSeeder
{
    public const string DemoStaffUserId = "demo-medarbejder";
    public const string DemoManagerUserId = "demo-direktoer";

    /// <summary>The development login's partner (Birthe Nielsen of Ældre Sagen), owner of her profile and so a member of her groups.</summary>
    public const string DemoPartnerUserId = "demo-partner";

    private static readonly (string Id, NewResourcePerson Person)[] People =
    [
        ("0192f0a0-0000-7000-8000-000000000201", new NewResourcePerson("Lise Andersen", "boern-og-unge",
            ["dialogmøder med forældre", "familiesamråd"], ["Udsatte familier", "Ensomhed"],
            [WorkingLanguage.Danish, WorkingLanguage.English], 8, Visibility.Public)
        {
            Role = "Familiekonsulent", CompetenceIds = ["facilitering", "borgerinddragelse.boern-og-unge"], ServiceCodes = ["28", "17"],
            Description = "Jeg faciliterer møder mellem familier og kommunen.", ManagerId = "leder-boern-og-unge-1", OptedIn = true,
            ContactEmail = "lise.andersen@kommune.example", ManagerEmail = "leder-boern-og-unge-1@kommune.example",
            PublicFields = [ProfileField.Organisation, ProfileField.Role, ProfileField.Competences, ProfileField.ChallengeAreas, ProfileField.Languages, ProfileField.Capacity],
        }),
        ("0192f0a0-0000-7000-8000-000000000202", new NewResourcePerson("Ahmed Hassan", "beskaeftigelse",
            ["mentorforløb for unge", "familiesamråd"], ["Integration", "Unge uden job eller uddannelse"],
            [WorkingLanguage.Danish, WorkingLanguage.Other], 6, Visibility.Internal)
        {
            Role = "Jobkonsulent", CompetenceIds = ["navigation", "tolkning"], ServiceCodes = ["15"],
            ManagerId = "leder-beskaeftigelse-1", OptedIn = true,
            ContactEmail = "ahmed.hassan@kommune.example", ManagerEmail = "leder-beskaeftigelse-1@kommune.example",
        }),
        ("0192f0a0-0000-7000-8000-000000000203", new NewResourcePerson("Birthe Nielsen", "Ældre Sagen Aalborg",
            ["besøgsvenner"], ["Ensomhed", "Sundhed og trivsel for ældre"],
            [WorkingLanguage.Danish], 10, Visibility.Public)
        {
            Kind = PersonKind.Partner, Role = "Frivilligkoordinator", CompetenceIds = ["frivillighed", "netvaerksarbejde.aeldre"], OptedIn = true,
            PublicFields = [ProfileField.Organisation, ProfileField.Role, ProfileField.Competences, ProfileField.ChallengeAreas, ProfileField.Languages, ProfileField.Capacity, ProfileField.Description],
            Description = "Jeg koordinerer besøgsvenner og fællesspisning.", ContactEmail = "birthe.nielsen@forening.example",
            OwnerId = DemoPartnerUserId,
        }),
        ("0192f0a0-0000-7000-8000-000000000204", new NewResourcePerson("Mikkel Sørensen", "aeldre-og-handicap",
            [], ["Sundhed og trivsel for ældre"],
            [WorkingLanguage.Danish, WorkingLanguage.English], 4, Visibility.Internal)
        {
            Role = "Udviklingskonsulent", CompetenceIds = ["samskabelse", "designtaenkning", "procesledelse"], ServiceCodes = ["27"], ServicesKnown = ["Demensvenlig by"],
            ManagerId = "leder-aeldre-og-handicap-1", OptedIn = true,
            ContactEmail = "mikkel.soerensen@kommune.example", ManagerEmail = "leder-aeldre-og-handicap-1@kommune.example",
        }),
        ("0192f0a0-0000-7000-8000-000000000205", new NewResourcePerson("Sofie Nielsen", "boern-og-unge",
            [], ["Udsatte familier", "Mental sundhed"],
            [WorkingLanguage.Danish, WorkingLanguage.English], 12, Visibility.Internal)
        {
            Role = "Socialrådgiver", CompetenceIds = ["facilitering.boern-og-unge", "paaroerendesamarbejde", "konfliktmaegling"],
            ServiceCodes = ["28"], ServicesKnown = ["Familiehuset"], Description = "Jeg faciliterer netværksmøder for udsatte familier.",
            ManagerId = DemoManagerUserId, OwnerId = DemoStaffUserId, OptedIn = true,
            ContactEmail = "sofie.nielsen@kommune.example", ManagerEmail = "direktoer@kommune.example",
        }),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.ResourcePersons.Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow();
        var added = new List<ResourcePerson>();
        foreach (var profile in People.Select(p => new DemoProfile(p.Id, p.Person, 0, 0)).Concat(DemoProfileGenerator.Generate()))
        {
            if (!existing.Contains(profile.Id))
            {
                added.Add(ToResourcePerson(profile, now));
            }
        }

        if (added.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ResourcePersons.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var person in added)
        {
            await index.ReplaceAsync(person.Id, SearchDocument.For(person), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A generated profile as a stored resource person (validated as any profile is); the search benchmark loads these too.</summary>
    public static ResourcePerson ToResourcePerson(DemoProfile profile, DateTimeOffset now)
    {
        var valid = ResourcePersonRules.Validate(profile.Person);
        return new ResourcePerson
        {
            Id = profile.Id,
            DisplayName = valid.DisplayName,
            Kind = valid.Kind,
            Organisation = valid.Organisation,
            Role = valid.Role,
            CompetenceIds = [.. valid.CompetenceIds],
            Competences = [.. valid.Competences],
            ChallengeAreas = [.. valid.ChallengeAreas],
            ServiceCodes = [.. valid.ServiceCodes],
            ServicesKnown = [.. valid.ServicesKnown],
            Languages = [.. valid.Languages],
            CapacityHoursPerMonth = valid.CapacityHoursPerMonth,
            Description = valid.Description,
            ManagerId = valid.ManagerId,
            OwnerId = valid.OwnerId,
            ContactEmail = valid.ContactEmail,
            ManagerEmail = valid.ManagerEmail,
            OptedIn = valid.OptedIn,
            Visibility = valid.Visibility,
            PublicFields = [.. valid.PublicFields],
            CompletedAssignments = profile.CompletedAssignments,
            FeedbackPoints = profile.FeedbackPoints,
            CreatedAt = now,
            UpdatedAt = now,
            ConfirmedAt = profile.Stale ? now.AddMonths(-7) : now,
            ConfirmationRequestedAt = profile.Stale ? now.AddMonths(-1) : null,
        };
    }
}
