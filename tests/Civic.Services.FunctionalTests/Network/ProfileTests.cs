using Civic.Contracts.Common.V1;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

public sealed class ProfileTestsOnSqlite(NetworkOnSqlite fixture) : ProfileTests(fixture), IClassFixture<NetworkOnSqlite>;

public sealed class ProfileTestsOnPostgres(NetworkOnPostgres fixture) : ProfileTests(fixture), IClassFixture<NetworkOnPostgres>;

/// <summary>
/// Profiles with taxonomy competences, field-level visibility, opt-in and editing; the full-text
/// search over them. Each test works in an organisation of its own (a facet filter), so the shared
/// database does not disturb it.
/// </summary>
public abstract class ProfileTests(ServiceFixture<ResourcePersonGrpcService> fixture) : ServiceTests<ResourcePersonGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ResourcePersonsReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Groups = NetworkGroupsReflection.Descriptor.Services[0];

    public static TheoryData<ProfileField> EveryField() => [.. Enum.GetValues<ProfileField>().Where(f => f != ProfileField.Unspecified)];

    [Theory]
    [MemberData(nameof(EveryField))]
    public async Task Get_FieldNotShared_CitizenNeverSeesIt_StaffDoes(ProfileField hidden)
    {
        var request = FullProfile(Unique("org"));
        request.PublicFields.Clear();
        request.PublicFields.AddRange(EveryField().Select(f => f.Data).Where(f => f != hidden));
        var created = (await CreateAsync(request)).ResourcePerson;

        var asCitizen = (await GetAsync(created.Id, CivicRoles.Citizen)).ResourcePerson;
        var asStaff = (await GetAsync(created.Id, CivicRoles.Staff)).ResourcePerson;

        Assert.True(IsEmpty(asCitizen, hidden), $"A citizen saw the internal-only field {hidden}: {asCitizen}");
        Assert.False(IsEmpty(asStaff, hidden), $"Staff did not see {hidden}");
        foreach (var shared in EveryField().Select(f => f.Data).Where(f => f != hidden))
        {
            Assert.False(IsEmpty(asCitizen, shared), $"A citizen did not see the shared field {shared}");
        }

        // Who manages and owns the profile, and where they are written to, is never shown outside the municipality.
        Assert.Equal(string.Empty, asCitizen.ManagerId);
        Assert.Equal(string.Empty, asCitizen.OwnerId);
        Assert.Equal(string.Empty, asCitizen.ContactEmail);
        Assert.Equal(string.Empty, asCitizen.ManagerEmail);
        Assert.Equal("leder-x", asStaff.ManagerId);
        Assert.Equal("hanne.hel@kommune.example", asStaff.ContactEmail);
        Assert.Equal("leder-x@kommune.example", asStaff.ManagerEmail);
    }

    [Theory]
    [MemberData(nameof(EveryField))]
    public async Task Get_FieldNotSharedOfAnInternalProfile_FellowGroupMemberPartnerNeverSeesIt(ProfileField hidden)
    {
        var request = FullProfile(Unique("org"));
        request.Visibility = Visibility.Internal;
        request.PublicFields.Clear();
        request.PublicFields.AddRange(EveryField().Select(f => f.Data).Where(f => f != hidden));
        var created = (await CreateAsync(request)).ResourcePerson;
        var partnerOwner = Unique("partner-");
        var partnerProfile = FullProfile(Unique("org"));
        partnerProfile.Kind = PersonKind.Partner;
        partnerProfile.OwnerId = partnerOwner;
        var partner = (await CreateAsync(partnerProfile)).ResourcePerson;
        var group = (await Host.CallAsync<CreateGroupRequest, CreateGroupResponse>(Groups, "CreateGroup",
            new() { Name = Unique("Netværk "), ChallengeArea = "Ensomhed", Description = "Til test." }, CivicRoles.Coordinator)).Group;
        foreach (var member in new[] { created.Id, partner.Id })
        {
            await Host.CallAsync<AddMemberRequest, AddMemberResponse>(Groups, "AddMember", new() { GroupId = group.Id, ResourcePersonId = member }, CivicRoles.Coordinator);
        }

        var asFellow = (await Host.CallWithTokenAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Service, "GetResourcePerson",
            new() { Id = created.Id }, TestTokens.ForUser(partnerOwner, CivicRoles.Partner))).ResourcePerson;

        Assert.True(IsEmpty(asFellow, hidden), $"A fellow group member saw the internal-only field {hidden}: {asFellow}");
        foreach (var shared in EveryField().Select(f => f.Data).Where(f => f != hidden))
        {
            Assert.False(IsEmpty(asFellow, shared), $"A fellow group member did not see the shared field {shared}");
        }

        Assert.Equal(string.Empty, asFellow.ManagerId);
        Assert.Equal(string.Empty, asFellow.OwnerId);
        Assert.Equal(string.Empty, asFellow.ContactEmail);
        Assert.Equal(string.Empty, asFellow.ManagerEmail);
    }

    [Theory]
    [InlineData(ProfileField.Organisation)]
    [InlineData(ProfileField.Role)]
    [InlineData(ProfileField.Competences)]
    [InlineData(ProfileField.ChallengeAreas)]
    [InlineData(ProfileField.ServicesKnown)]
    [InlineData(ProfileField.Description)]
    public async Task Search_WordOnlyInAFieldNotShared_CitizenCannotFindByIt(ProfileField hidden)
    {
        var word = Unique("hemmelig");
        var request = FullProfile("aeldre-og-handicap");
        switch (hidden)
        {
            case ProfileField.Organisation: request.Organisation = word; break;
            case ProfileField.Role: request.Role = word; break;
            case ProfileField.Competences: request.Competences.Add(word); break;
            case ProfileField.ChallengeAreas: request.ChallengeAreas.Add(word); break;
            case ProfileField.ServicesKnown: request.ServicesKnown.Add(word); break;
            default: request.Description = $"Jeg kan {word}."; break;
        }

        request.PublicFields.Remove(hidden);
        var created = (await CreateAsync(request)).ResourcePerson;

        var asCitizen = await SearchAsync(new() { Query = word }, CivicRoles.Citizen);
        var asAnonymous = await SearchAsync(new() { Query = word }, null);
        var asStaff = await SearchAsync(new() { Query = word }, CivicRoles.Staff);

        Assert.Empty(asCitizen.ResourcePersons);
        Assert.Empty(asAnonymous.ResourcePersons);
        Assert.Equal([created.Id], asStaff.ResourcePersons.Select(p => p.Id));
    }

    [Fact]
    public async Task Search_ServiceAreaNotShared_CitizenCannotFindByItsNames_StaffCan()
    {
        var organisation = Unique("org");
        var request = FullProfile(organisation);
        request.ServiceCodes.Clear();
        request.ServiceCodes.Add("15");
        request.PublicFields.Remove(ProfileField.ServicesKnown);
        var created = (await CreateAsync(request)).ResourcePerson;

        foreach (var query in new[] { "beskæftigelse", "jobcenter" })
        {
            Assert.Empty((await SearchAsync(new() { Query = query, Organisations = { organisation } }, CivicRoles.Citizen)).ResourcePersons);
            Assert.Equal([created.Id], (await SearchAsync(new() { Query = query, Organisations = { organisation } }, CivicRoles.Staff)).ResourcePersons.Select(p => p.Id));
        }
    }

    [Fact]
    public async Task Create_ServiceCodes_StoredWithNamesInBothLanguages_OtherServicesStayText()
    {
        var request = FullProfile(Unique("org"));
        request.ServiceCodes.Clear();
        request.ServiceCodes.Add(" 28 ");
        request.ServiceCodes.Add("27");
        request.ServiceCodes.Add("28");

        var created = (await CreateAsync(request)).ResourcePerson;
        var stored = (await GetAsync(created.Id, CivicRoles.Citizen)).ResourcePerson;

        Assert.Equal(
            [("28", "Børn og unge", "Children and young people"), ("27", "Social service", "Social services")],
            stored.TaxonomyServices.Select(s => (s.Code, s.Name, s.EnglishName)));
        Assert.Equal(["Pas og kørekort"], stored.ServicesKnown);
    }

    [Theory]
    [InlineData("15", "beskæftigelse")]
    [InlineData("27", "hjemmepleje")]
    [InlineData("27", "plejebolig")]
    [InlineData("28", "familierådgivningen")]
    public async Task Search_NameOfAServiceAreaOrAServiceUnderIt_FindsTheProfilesMappedToIt(string code, string query)
    {
        var organisation = Unique("org");
        var social = FullProfile(organisation);
        social.ServiceCodes.Clear();
        social.ServiceCodes.Add(code);
        var health = FullProfile(organisation);
        var expected = (await CreateAsync(social)).ResourcePerson;
        await CreateAsync(health);

        var asStaff = await SearchAsync(new() { Query = query, Organisations = { organisation } }, CivicRoles.Staff);
        var asCitizen = await SearchAsync(new() { Query = query, Organisations = { organisation } }, CivicRoles.Citizen);

        Assert.Equal([expected.Id], asStaff.ResourcePersons.Select(p => p.Id));
        Assert.Equal([expected.Id], asCitizen.ResourcePersons.Select(p => p.Id));
    }

    [Fact]
    public async Task Update_UnknownServiceCode_InvalidArgumentOnTheFieldAndNothingChanged()
    {
        var request = FullProfile(Unique("org"));
        request.OwnerId = "ejer-4";
        var created = (await CreateAsync(request)).ResourcePerson;
        var changed = request.Clone();
        changed.Role = "Ændret rolle";
        changed.ServiceCodes.Clear();
        changed.ServiceCodes.Add("27");
        changed.ServiceCodes.Add("99");

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => UpdateAsync(created.Id, changed, "ejer-4"));

        Assert.Equal(["service_codes[1]"], RpcAssert.ViolatedFields(error));
        var stored = (await GetAsync(created.Id, CivicRoles.Staff)).ResourcePerson;
        Assert.Equal("Socialrådgiver", stored.Role);
        Assert.Equal(["29"], stored.TaxonomyServices.Select(s => s.Code));
    }

    [Fact]
    public async Task Search_CitizenFacets_CountOnlySharedFields()
    {
        var organisation = Unique("org");
        var request = FullProfile(organisation);
        request.PublicFields.Remove(ProfileField.Competences);
        request.PublicFields.Remove(ProfileField.Languages);
        await CreateAsync(request);

        var asCitizen = await SearchAsync(new() { Organisations = { organisation } }, CivicRoles.Citizen);
        var filteredByHidden = await SearchAsync(new() { Organisations = { organisation }, CompetenceIds = { "facilitering" } }, CivicRoles.Citizen);

        Assert.Single(asCitizen.ResourcePersons);
        Assert.DoesNotContain(asCitizen.Facets, f => f.Name is "competence" or "language");
        Assert.Empty(asCitizen.ResourcePersons[0].TaxonomyCompetences);
        Assert.Empty(filteredByHidden.ResourcePersons);
    }

    [Theory]
    [InlineData("competence_ids", "tryllekunst", "competence_ids[2]")]
    [InlineData("service_codes", "Hjemmepleje", "service_codes[1]")]
    public async Task Create_UnknownTaxonomyEntry_InvalidArgumentOnTheFieldAndNothingStored(string list, string unknown, string violatedField)
    {
        var organisation = Unique("org");
        var request = FullProfile(organisation);
        (list == "competence_ids" ? request.CompetenceIds : request.ServiceCodes).Add(unknown);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(request));

        Assert.Equal([violatedField], RpcAssert.ViolatedFields(exception));
        Assert.Contains(unknown, exception.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await SearchAsync(new() { Organisations = { organisation } }, CivicRoles.Admin)).ResourcePersons);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(161)]
    [InlineData(int.MaxValue)]
    public async Task Create_NegativeOrAbsurdCapacity_InvalidArgumentAndNothingStored(int hours)
    {
        var organisation = Unique("org");
        var request = FullProfile(organisation);
        request.CapacityHoursPerMonth = hours;

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(request));

        Assert.Equal(["capacity_hours_per_month"], RpcAssert.ViolatedFields(exception));
        Assert.Empty((await SearchAsync(new() { Organisations = { organisation } }, CivicRoles.Admin)).ResourcePersons);
    }

    [Fact]
    public async Task Search_NotOptedIn_FoundByNoOne()
    {
        var organisation = Unique("org");
        var request = FullProfile(organisation);
        request.OptedIn = false;
        var created = (await CreateAsync(request)).ResourcePerson;

        Assert.Empty((await SearchAsync(new() { Organisations = { organisation } }, CivicRoles.Admin)).ResourcePersons);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => GetAsync(created.Id, CivicRoles.Citizen));
        Assert.False((await GetAsync(created.Id, CivicRoles.Staff)).ResourcePerson.OptedIn);
    }

    [Theory]
    [InlineData("facilitator")]
    [InlineData("facilitering")]
    [InlineData("faciliterende")]
    [InlineData("Facilitatorer")]
    [InlineData("procesfacilitering")]
    [InlineData("mødeledelse")]
    public async Task Search_InflectionsAndSynonyms_FindTheTaxonomyCompetence(string query)
    {
        var organisation = Unique("org");
        var facilitator = FullProfile(organisation);
        facilitator.CompetenceIds.Clear();
        facilitator.CompetenceIds.Add("facilitering.aeldre");
        facilitator.Description = string.Empty;
        var other = FullProfile(organisation);
        other.CompetenceIds.Clear();
        other.CompetenceIds.Add("jura-forvaltning");
        other.Description = string.Empty;
        var expected = (await CreateAsync(facilitator)).ResourcePerson;
        await CreateAsync(other);

        var result = await SearchAsync(new() { Query = query, Organisations = { organisation } }, CivicRoles.Staff);

        Assert.Equal([expected.Id], result.ResourcePersons.Select(p => p.Id));
    }

    [Fact]
    public async Task Search_CompetenceAvailabilityAndEvidence_RankAboveSelfDescription()
    {
        var organisation = Unique("org");
        var describer = FullProfile(organisation);
        describer.CompetenceIds.Clear();
        describer.CompetenceIds.Add("jura-forvaltning");
        describer.Description = "Jeg elsker samskabelse og samskabende processer og samskabelse igen.";
        var busy = FullProfile(organisation);
        busy.CompetenceIds.Clear();
        busy.CompetenceIds.Add("samskabelse");
        busy.CapacityHoursPerMonth = 0;
        busy.Description = string.Empty;
        var available = busy.Clone();
        available.CapacityHoursPerMonth = 20;
        var describerId = (await CreateAsync(describer)).ResourcePerson.Id;
        var busyId = (await CreateAsync(busy)).ResourcePerson.Id;
        var availableId = (await CreateAsync(available)).ResourcePerson.Id;

        var result = await SearchAsync(new() { Query = "samskabelse", Organisations = { organisation } }, CivicRoles.Staff);

        Assert.Equal([availableId, busyId, describerId], result.ResourcePersons.Select(p => p.Id));
    }

    [Theory]
    [InlineData("\"facilitering\" OR ensomhed*")]
    [InlineData("facilitering AND NOT (jura) NEAR/2 -x")]
    [InlineData("'; DROP TABLE resource_persons; --")]
    [InlineData("facilit:* & !jura | <->")]
    [InlineData("{name}: ^facilitering")]
    [InlineData("\"\"\"")]
    public async Task Search_OperatorsAndQuotes_AnsweredAsPlainWords(string query)
    {
        var organisation = Unique("org");
        await CreateAsync(FullProfile(organisation));

        var result = await SearchAsync(new() { Query = query, Organisations = { organisation } }, CivicRoles.Staff);

        Assert.True(result.ResourcePersons.Count <= 1);
        Assert.Empty(Host.ErrorLogs());
    }

    [Fact]
    public async Task Search_OnlyStopWords_AnsweredWithNoMatches()
    {
        var organisation = Unique("org");
        await CreateAsync(FullProfile(organisation));

        var result = await SearchAsync(new() { Query = "og i at det en", Organisations = { organisation } }, CivicRoles.Staff);

        Assert.Empty(result.ResourcePersons);
        Assert.Equal(0, result.Page.TotalSize);
    }

    [Fact]
    public async Task Search_FiveThousandCharacters_InvalidArgumentWithTheLimit()
    {
        var query = string.Concat(Enumerable.Repeat("facilitering ", 400))[..5000];

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => SearchAsync(new() { Query = query }, CivicRoles.Staff));

        Assert.Equal(["query"], RpcAssert.ViolatedFields(exception));
        Assert.Contains("5000", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FacetFilters_NarrowAndCount()
    {
        var organisation = Unique("org");
        var english = FullProfile(organisation);
        var danishOnly = FullProfile(organisation);
        danishOnly.Languages.Clear();
        danishOnly.Languages.Add(Language.Danish);
        danishOnly.CapacityHoursPerMonth = 2;
        danishOnly.ChallengeAreas.Clear();
        danishOnly.ChallengeAreas.Add("Integration");
        var englishId = (await CreateAsync(english)).ResourcePerson.Id;
        var danishId = (await CreateAsync(danishOnly)).ResourcePerson.Id;

        var all = await SearchAsync(new() { Organisations = { organisation } }, CivicRoles.Staff);
        var inEnglish = await SearchAsync(new() { Organisations = { organisation }, Languages = { Language.English } }, CivicRoles.Staff);
        var withHours = await SearchAsync(new() { Organisations = { organisation }, MinAvailableHours = 5 }, CivicRoles.Staff);
        var byArea = await SearchAsync(new() { Organisations = { organisation }, ChallengeAreas = { "integration" } }, CivicRoles.Staff);
        var byBroadCompetence = await SearchAsync(new() { Organisations = { organisation }, CompetenceIds = { "facilitering" } }, CivicRoles.Staff);

        Assert.Equal(2, all.Page.TotalSize);
        Assert.Equal(2, all.Facets.Single(f => f.Name == "language").Values.Single(v => v.Value == "Danish").Count);
        Assert.Equal(1, all.Facets.Single(f => f.Name == "language").Values.Single(v => v.Value == "English").Count);
        Assert.Equal("Facilitering", all.Facets.Single(f => f.Name == "competence").Values.Single(v => v.Value == "facilitering").Label);
        Assert.Equal([englishId], inEnglish.ResourcePersons.Select(p => p.Id));
        Assert.Equal([englishId], withHours.ResourcePersons.Select(p => p.Id));
        Assert.Equal([danishId], byArea.ResourcePersons.Select(p => p.Id));
        Assert.Equal(2, byBroadCompetence.ResourcePersons.Count);
    }

    [Fact]
    public async Task Search_PagesWhileSomeoneIsAddedAtTheTop_NoOneRepeatedOrSkipped()
    {
        var organisation = Unique("org");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = FullProfile(organisation);
            request.CapacityHoursPerMonth = 10 + i;
            ids.Add((await CreateAsync(request)).ResourcePerson.Id);
        }

        var seen = new List<string>();
        var first = await SearchAsync(new() { Query = "facilitering", Organisations = { organisation }, Page = new PageRequest { PageSize = 2 } }, CivicRoles.Staff);
        seen.AddRange(first.ResourcePersons.Select(p => p.Id));
        // Someone who ranks first arrives, and someone already seen is edited, between the pages.
        var newcomer = FullProfile(organisation);
        newcomer.CapacityHoursPerMonth = 40;
        await CreateAsync(newcomer);
        var edited = FullProfile(organisation);
        edited.Description = "Ny beskrivelse.";
        edited.CapacityHoursPerMonth = 14;
        await Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson", new() { Id = ids[4], Profile = edited });
        var token = first.Page.NextPageToken;
        while (token.Length > 0)
        {
            var page = await SearchAsync(new() { Query = "facilitering", Organisations = { organisation }, Page = new PageRequest { PageSize = 2, PageToken = token } }, CivicRoles.Staff);
            seen.AddRange(page.ResourcePersons.Select(p => p.Id));
            token = page.Page.NextPageToken;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_ByOwnerOrManager_Saved_ByAnotherStaffMember_PermissionDenied()
    {
        var request = FullProfile(Unique("org"));
        request.OwnerId = "ejer-1";
        request.ManagerId = "leder-1";
        var created = (await CreateAsync(request)).ResourcePerson;
        var changed = request.Clone();
        changed.Role = "Ny rolle";

        var byOwner = await UpdateAsync(created.Id, changed, "ejer-1");
        changed.Role = "Lederens rolle";
        var byManager = await UpdateAsync(created.Id, changed, "leder-1");
        changed.Role = "Fremmed rolle";
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => UpdateAsync(created.Id, changed, "en-anden"));

        Assert.Equal("Ny rolle", byOwner.ResourcePerson.Role);
        Assert.Equal("ejer-1", byManager.ResourcePerson.OwnerId);
        Assert.Equal("Lederens rolle", (await GetAsync(created.Id, CivicRoles.Staff)).ResourcePerson.Role);
    }

    [Fact]
    public async Task Update_UnknownCompetenceId_InvalidArgumentOnTheFieldAndNothingChanged()
    {
        var request = FullProfile(Unique("org"));
        request.OwnerId = "ejer-2";
        var created = (await CreateAsync(request)).ResourcePerson;
        var changed = request.Clone();
        changed.Role = "Ændret rolle";
        changed.CompetenceIds.Add("findes-ikke");

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => UpdateAsync(created.Id, changed, "ejer-2"));

        Assert.Equal(["competence_ids[2]"], RpcAssert.ViolatedFields(error));
        var stored = (await GetAsync(created.Id, CivicRoles.Staff)).ResourcePerson;
        Assert.Equal("Socialrådgiver", stored.Role);
        Assert.Equal(["facilitering", "borgerinddragelse.aeldre"], stored.TaxonomyCompetences.Select(c => c.Id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(161)]
    [InlineData(100_000)]
    public async Task Update_NegativeOrAbsurdCapacity_InvalidArgumentOnTheFieldAndNothingChanged(int hours)
    {
        var request = FullProfile(Unique("org"));
        request.OwnerId = "ejer-3";
        var created = (await CreateAsync(request)).ResourcePerson;
        var changed = request.Clone();
        changed.Role = "Ændret rolle";
        changed.CapacityHoursPerMonth = hours;

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => UpdateAsync(created.Id, changed, "ejer-3"));

        Assert.Equal(["capacity_hours_per_month"], RpcAssert.ViolatedFields(error));
        var stored = (await GetAsync(created.Id, CivicRoles.Staff)).ResourcePerson;
        Assert.Equal(8, stored.CapacityHoursPerMonth);
        Assert.Equal("Socialrådgiver", stored.Role);
    }

    [Fact]
    public async Task Update_UnknownId_NotFound()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson", new() { Id = "findes-ikke", Profile = FullProfile("x") }));
    }

    [Fact]
    public async Task GetTaxonomy_Anonymous_150CompetencesWithSynonymsAnd8Areas()
    {
        var taxonomy = await Host.CallAsync<GetTaxonomyRequest, GetTaxonomyResponse>(TaxonomyReflection.Descriptor.Services[0], "GetTaxonomy", new(), null);

        Assert.Equal(150, taxonomy.Competences.Count);
        Assert.Equal(8, taxonomy.ChallengeAreas.Count);
        Assert.Contains("facilitator", taxonomy.Competences.Single(c => c.Id == "facilitering").Synonyms);
        Assert.Equal("facilitering", taxonomy.Competences.Single(c => c.Id == "facilitering.aeldre").ParentId);
        var social = taxonomy.Services.Single(s => s.Code == "27");
        Assert.Equal(("Social service", "Social services"), (social.Name, social.EnglishName));
        Assert.Contains("hjemmepleje", social.Synonyms);
        Assert.Equal(taxonomy.Services.Count, taxonomy.Services.Select(s => s.Code).Distinct().Count());
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";

    private static bool IsEmpty(ResourcePerson person, ProfileField field) => field switch
    {
        ProfileField.Organisation => person.Organisation.Length == 0,
        ProfileField.Role => person.Role.Length == 0,
        ProfileField.Competences => person.TaxonomyCompetences.Count == 0 && person.Competences.Count == 0,
        ProfileField.ChallengeAreas => person.ChallengeAreas.Count == 0,
        ProfileField.ServicesKnown => person.TaxonomyServices.Count == 0 && person.ServicesKnown.Count == 0,
        ProfileField.Languages => person.Languages.Count == 0,
        ProfileField.Capacity => person.CapacityHoursPerMonth == 0 && person.AvailableHoursThisMonth == 0,
        ProfileField.Description => person.Description.Length == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private Task<CreateResourcePersonResponse> CreateAsync(CreateResourcePersonRequest request) =>
        Host.CallAsync<CreateResourcePersonRequest, CreateResourcePersonResponse>(Service, "CreateResourcePerson", request);

    private Task<GetResourcePersonResponse> GetAsync(string id, string? role) =>
        Host.CallAsync<GetResourcePersonRequest, GetResourcePersonResponse>(Service, "GetResourcePerson", new() { Id = id }, role);

    private Task<SearchResourcePersonsResponse> SearchAsync(SearchResourcePersonsRequest request, string? role) =>
        Host.CallAsync<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(Service, "SearchResourcePersons", request, role);

    private Task<UpdateResourcePersonResponse> UpdateAsync(string id, CreateResourcePersonRequest profile, string userId) =>
        Host.CallWithTokenAsync<UpdateResourcePersonRequest, UpdateResourcePersonResponse>(Service, "UpdateResourcePerson", new() { Id = id, Profile = profile }, TestTokens.ForUser(userId, CivicRoles.Staff));

    /// <summary>A public, opted-in profile with every field filled and shared.</summary>
    private static CreateResourcePersonRequest FullProfile(string organisation) => new()
    {
        DisplayName = "Hanne Hel",
        Kind = PersonKind.Staff,
        Organisation = organisation,
        Role = "Socialrådgiver",
        CompetenceIds = { "facilitering", "borgerinddragelse.aeldre" },
        Competences = { "fortælleværksteder" },
        ChallengeAreas = { "Ensomhed" },
        ServiceCodes = { "29" },
        ServicesKnown = { "Pas og kørekort" },
        Languages = { Language.Danish, Language.English },
        CapacityHoursPerMonth = 8,
        Description = "Jeg hjælper gerne.",
        ManagerId = "leder-x",
        ContactEmail = "hanne.hel@kommune.example",
        ManagerEmail = "leder-x@kommune.example",
        OptedIn = true,
        Visibility = Visibility.Public,
        PublicFields = { EveryField().Select(f => f.Data) },
    };
}
