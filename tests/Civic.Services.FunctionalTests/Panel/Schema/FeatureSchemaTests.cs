using System.Text.Json;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Services.FunctionalTests.Infrastructure;
using Civic.Services.FunctionalTests.Panel.CaseWork;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Civic.Services.FunctionalTests.Panel.Pool.PoolTestData;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.Schema;

public sealed class FeatureSchemaTestsOnSqlite(PanelOnSqlite fixture) : FeatureSchemaTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class FeatureSchemaTestsOnPostgres(PanelOnPostgres fixture) : FeatureSchemaTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>
/// The municipality defines the feature schema over gRPC: changes reach sign-up, retiring keeps what members and draws
/// hold, a stale etag is ABORTED, and every bad input is refused with nothing stored.
/// </summary>
public abstract class FeatureSchemaTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor SchemaRpc = FeatureSchemaReflection.Descriptor.Services[0];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await new CaseWorkSetup(Host).SeedPoolAsync();

    private async Task<FeatureSchema> SchemaAsync(string role = CivicRoles.Admin) =>
        (await Host.CallAsync<GetFeatureSchemaRequest, GetFeatureSchemaResponse>(SchemaRpc, "GetFeatureSchema", new(), role)).Schema;

    private async Task<FeatureSchemaChange> ChangeAsync(string reason = "Kommunen vil spørge bredere", bool validateOnly = false) =>
        new() { Etag = (await SchemaAsync()).Etag, Reason = reason, ValidateOnly = validateOnly };

    private Task<AddFeatureValueResponse> AddValueAsync(AddFeatureValueRequest request) =>
        Host.CallAsync<AddFeatureValueRequest, AddFeatureValueResponse>(SchemaRpc, "AddFeatureValue", request, CivicRoles.Admin);

    private Task<RetireFeatureResponse> RetireAsync(RetireFeatureRequest request) =>
        Host.CallAsync<RetireFeatureRequest, RetireFeatureResponse>(SchemaRpc, "RetireFeature", request, CivicRoles.Admin);

    private async Task<GetSignUpFormResponse> SignUpFormAsync() =>
        await Host.CallAsync<GetSignUpFormRequest, GetSignUpFormResponse>(PoolRpc, "GetSignUpForm", new(), role: null);

    /// <summary>A sign-up answering every category offered now (tests here add categories): the usual answers, else the first value.</summary>
    private async Task<SignUpRequest> CompleteSignUpAsync(string name, string email)
    {
        var request = SignUp(name, email);
        foreach (var category in (await SignUpFormAsync()).Categories.Where(c => !request.Features.ContainsKey(c.Category)))
        {
            request.Features[category.Category] = category.Values[0].Value;
        }

        return request;
    }

    private async Task<MemberCredentials> ActiveMemberWithAsync(string name, string email, string category, string value)
    {
        var request = await CompleteSignUpAsync(name, email);
        request.Features[category] = value;
        var signedUp = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null);
        var confirmed = await Host.CallAsync<ConfirmSignUpRequest, ConfirmSignUpResponse>(PoolRpc, "ConfirmSignUp",
            new() { MemberId = signedUp.MemberId, Token = ConfirmationToken(Host, signedUp) }, role: null);
        return new MemberCredentials { MemberId = confirmed.MemberId, Token = confirmed.MemberToken };
    }

    private async Task<IReadOnlyList<string>> CategoryKeysAsync() => (await SchemaAsync()).Categories.Select(c => c.Key).ToList();

    [Fact]
    public async Task GetFeatureSchema_Coordinator_DemoSchemaInOrderWithLabelsLivedExperienceAndMemberCounts()
    {
        var schema = await SchemaAsync(CivicRoles.Coordinator);

        var members = await WithDbAsync(Host, db => db.PoolMembers.CountAsync(m => m.Status != Civic.Panel.Pool.PoolMemberStatus.Withdrawn, Cancellation));

        Assert.Equal(["age_band", "district", "household_type", "lived_experience"], schema.Categories.Take(4).Select(c => c.Key));
        Assert.Equal(("Aldersgruppe", "Age band"), (schema.Categories[0].Label, schema.Categories[0].LabelEn));
        Assert.Equal(["18-29", "30-44", "45-59", "60-74", "75+"], schema.Categories[0].Values.Select(v => v.Key));
        Assert.Equal(("75 år og derover", "75 years or over"), (schema.Categories[0].Values[4].Label, schema.Categories[0].Values[4].LabelEn));
        Assert.Equal(["lived_experience"], schema.Categories.Where(c => c.LivedExperience).Select(c => c.Key));
        Assert.True(members >= 120);
        Assert.Equal(members, schema.Categories[0].Values.Sum(v => v.MemberCount));
        Assert.NotEmpty(schema.Etag);
    }

    [Fact]
    public async Task AddFeatureValue_Admin_OfferedAtSignUpAuditedWithWhoAndWhyAndTheEtagMoves()
    {
        var before = await SchemaAsync();
        var response = await AddValueAsync(new()
        {
            Change = new() { Etag = before.Etag, Reason = "Ny bydel efter kommunesammenlægning" },
            Category = "district",
            Value = new() { Key = "havn", Label = "Havnen", LabelEn = "Harbour" },
        });
        var form = await SignUpFormAsync();
        var request = await CompleteSignUpAsync("Nina Havn", "nina.havn@example.dk");
        request.Features["district"] = "havn";
        await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null);

        Assert.True(response.Applied);
        Assert.NotEqual(before.Etag, response.Schema.Etag);
        Assert.Equal(response.Schema.Etag, (await SchemaAsync()).Etag);
        var district = form.Categories.Single(c => c.Category == "district");
        Assert.Equal(("Bydel", "District"), (district.Label, district.LabelEn));
        Assert.Equal(("havn", "Havnen", "Harbour"), (district.Values[^1].Value, district.Values[^1].Label, district.Values[^1].LabelEn));
        Assert.Equal(1, (await SchemaAsync()).Categories.Single(c => c.Key == "district").Values.Single(v => v.Key == "havn").MemberCount);
        var audit = await WithDbAsync(Host, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "feature-schema.add-value" && e.Reason.Contains("Ny bydel efter kommunesammenlægning"), Cancellation));
        Assert.Equal(("feature-schema", "district", "test-" + CivicRoles.Admin), (audit.SubjectType, audit.SubjectId, audit.Actor));
        Assert.Contains("Value 'havn' added", audit.Reason, StringComparison.Ordinal);
        Assert.Contains("Ny bydel efter kommunesammenlægning", audit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFeatureCategory_ValidateOnly_PreviewWithNothingStored()
    {
        var before = await SchemaAsync();
        var audited = await WithDbAsync(Host, db => db.AuditEntries.CountAsync(e => e.SubjectType == "feature-schema", Cancellation));
        var response = await Host.CallAsync<AddFeatureCategoryRequest, AddFeatureCategoryResponse>(SchemaRpc, "AddFeatureCategory", new()
        {
            Change = new() { Etag = before.Etag, Reason = "Prøv det af", ValidateOnly = true },
            Key = "education-preview", Label = "Uddannelsesniveau", LabelEn = "Level of education",
            Values = { new NewFeatureValue { Key = "grundskole", Label = "Grundskole", LabelEn = "Primary school" }, new NewFeatureValue { Key = "videregaaende", Label = "Videregående", LabelEn = "Higher education" } },
        }, CivicRoles.Admin);

        Assert.False(response.Applied);
        Assert.Equal(before.Etag, response.Schema.Etag);
        Assert.Equal("education-preview", response.Schema.Categories[^1].Key);
        Assert.Equal(before, await SchemaAsync());
        Assert.DoesNotContain((await SignUpFormAsync()).Categories, c => c.Category == "education-preview");
        Assert.Equal(audited, await WithDbAsync(Host, db => db.AuditEntries.CountAsync(e => e.SubjectType == "feature-schema", Cancellation)));
    }

    [Fact]
    public async Task AddFeatureCategory_Applied_EveryNewSignUpIsAskedItAndExistingMembersKeepTheirData()
    {
        await Host.CallAsync<AddFeatureCategoryRequest, AddFeatureCategoryResponse>(SchemaRpc, "AddFeatureCategory", new()
        {
            Change = await ChangeAsync(),
            Key = "education", Label = "Uddannelse", LabelEn = "Education",
            Values = { new NewFeatureValue { Key = "grundskole", Label = "Grundskole", LabelEn = "Primary school" }, new NewFeatureValue { Key = "videregaaende", Label = "Videregående", LabelEn = "Higher education" } },
        }, CivicRoles.Admin);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Uden Uddannelse", "uden@example.dk"), role: null));
        var request = await CompleteSignUpAsync("Med Uddannelse", "med@example.dk");
        request.Features["education"] = "videregaaende";
        await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null);

        Assert.Contains("features.education", RpcAssert.ViolatedFields(exception));
        Assert.Equal("education", (await SignUpFormAsync()).Categories[^1].Category);
        Assert.Equal(1, (await SchemaAsync()).Categories[^1].Values.Sum(v => v.MemberCount));
    }

    [Fact]
    public async Task RetireFeature_ValueHeldByAMemberAndADraw_PreviewCountsThem_ThenGoneFromSignUpButOnTheExportAndTheOldDrawStillVerifies()
    {
        await AddValueAsync(new() { Change = await ChangeAsync(), Category = "lived_experience", Value = new() { Key = "plejefamilie", Label = "Plejefamilie", LabelEn = "Foster family" } });
        var member = await ActiveMemberWithAsync("Pia Pleje", "pia.retire@example.dk", "lived_experience", "plejefamilie");
        var setup = new CaseWorkSetup(Host);
        var draw = await setup.ConveneAsync(await setup.ReadyCaseAsync());

        var preview = await RetireAsync(new() { Change = await ChangeAsync("Spørges nu i en anden kategori", validateOnly: true), Category = "lived_experience", Value = "plejefamilie" });
        var offeredAfterPreview = (await SignUpFormAsync()).Categories.Single(c => c.Category == "lived_experience").Values.Select(v => v.Value).ToList();
        var retired = await RetireAsync(new() { Change = await ChangeAsync("Spørges nu i en anden kategori"), Category = "lived_experience", Value = "plejefamilie" });

        Assert.Equal((1, 1), (preview.Usage.MembersHolding, preview.Usage.DrawsReferring));
        Assert.False(preview.Applied);
        Assert.Contains("plejefamilie", offeredAfterPreview);
        Assert.True(retired.Applied);
        Assert.Equal((1, 1), (retired.Usage.MembersHolding, retired.Usage.DrawsReferring));
        var value = retired.Schema.Categories.Single(c => c.Key == "lived_experience").Values.Single(v => v.Key == "plejefamilie");
        Assert.True(value.Retired);
        Assert.Equal(1, value.MemberCount);
        Assert.DoesNotContain((await SignUpFormAsync()).Categories.Single(c => c.Category == "lived_experience").Values, v => v.Value == "plejefamilie");
        var request = await CompleteSignUpAsync("Ny Pleje", "ny.pleje@example.dk");
        request.Features["lived_experience"] = "plejefamilie";
        var again = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null));
        Assert.Equal(["features.lived_experience"], RpcAssert.ViolatedFields(again));
        var export = await Host.CallAsync<ExportMyDataRequest, ExportMyDataResponse>(MembershipRpc, "ExportMyData", new() { Credentials = member }, role: null);
        using var json = JsonDocument.Parse(export.Json);
        Assert.Equal("plejefamilie", json.RootElement.GetProperty("member").GetProperty("features").GetProperty("lived_experience").GetString());
        var verified = await Host.CallAsync<VerifyDrawRequest, VerifyDrawResponse>(ConveningRpc, "VerifyDraw", new() { Id = draw.Id }, CivicRoles.Coordinator);
        Assert.True(verified.Reproduced);
        // Members still hold it, so staff can still filter on it and quotas and "required lived experience" may name it.
        var listed = await Host.CallAsync<ListMembersRequest, ListMembersResponse>(PoolRpc, "ListMembers",
            new() { Page = new() { PageSize = 200 }, Reason = "Test af udgået værdi", Features = { ["lived_experience"] = "plejefamilie" } }, CivicRoles.Coordinator);
        Assert.Equal([member.MemberId], listed.Members.Select(m => m.Id));
        var convened = await Host.CallAsync<ConveneRequest, ConveneResponse>(ConveningRpc, "Convene",
            new() { CaseId = await setup.ReadyCaseAsync(), PanelSize = 6, RequiredLivedExperience = { "plejefamilie" } }, CivicRoles.Coordinator);
        Assert.Contains(member.MemberId, convened.Draw.PanelMemberIds);
    }

    [Fact]
    public async Task MemberMessages_FeatureChoices_TheSchemasLabelsInItsOrderARetiredValueIncluded()
    {
        await AddValueAsync(new() { Change = await ChangeAsync(), Category = "lived_experience", Value = new() { Key = "adoptivfamilie", Label = "Adoptivfamilie", LabelEn = "Adoptive family" } });
        var member = await ActiveMemberWithAsync("Pia Etiket", "pia.labels@example.dk", "lived_experience", "adoptivfamilie");
        await RetireAsync(new() { Change = await ChangeAsync("Spørges nu i en anden kategori"), Category = "lived_experience", Value = "adoptivfamilie" });

        var own = (await Host.CallAsync<GetMyMembershipRequest, GetMyMembershipResponse>(MembershipRpc, "GetMyMembership", new() { Credentials = member }, role: null)).Member;
        var staff = (await Host.CallAsync<GetMemberRequest, GetMemberResponse>(PoolRpc, "GetMember", new() { Id = member.MemberId, Reason = "Test af etiketter" }, CivicRoles.Coordinator)).Member;

        var schema = await SchemaAsync();
        var lived = schema.Categories.Single(c => c.Key == "lived_experience");
        foreach (var shown in new[] { own, staff })
        {
            Assert.Equal(schema.Categories.Select(c => c.Key).Where(shown.Features.ContainsKey), shown.FeatureChoices.Select(c => c.Category));
            Assert.All(shown.FeatureChoices, choice => Assert.Equal(shown.Features[choice.Category], choice.Value));
            var choice = shown.FeatureChoices.Single(c => c.Category == "lived_experience");
            Assert.Equal((lived.Label, lived.LabelEn, "Adoptivfamilie", "Adoptive family"), (choice.CategoryLabel, choice.CategoryLabelEn, choice.ValueLabel, choice.ValueLabelEn));
        }

        var age = staff.FeatureChoices.Single(c => c.Category == "age_band");
        Assert.Equal(schema.Categories.Single(c => c.Key == "age_band").Values.Single(v => v.Key == age.Value).Label, age.ValueLabel);
    }

    [Fact]
    public async Task UpdateFeatureValue_Rename_LabelsChangeTheKeyDoesNotAndAnOldDrawStillVerifies()
    {
        var setup = new CaseWorkSetup(Host);
        var draw = await setup.ConveneAsync(await setup.ReadyCaseAsync());

        await Host.CallAsync<UpdateFeatureValueRequest, UpdateFeatureValueResponse>(SchemaRpc, "UpdateFeatureValue", new()
        {
            Change = await ChangeAsync("Klarere ord"), Category = "age_band", Value = "60-74", Label = "60 til 74 år", LabelEn = "60 to 74",
        }, CivicRoles.Admin);

        var age = (await SignUpFormAsync()).Categories.Single(c => c.Category == "age_band");
        Assert.Equal(("60-74", "60 til 74 år", "60 to 74"), (age.Values[^2].Value, age.Values[^2].Label, age.Values[^2].LabelEn));
        Assert.True((await Host.CallAsync<VerifyDrawRequest, VerifyDrawResponse>(ConveningRpc, "VerifyDraw", new() { Id = draw.Id }, CivicRoles.Coordinator)).Reproduced);
        Assert.Contains(draw.Quotas, q => q is { Category: "age_band", Value: "60-74" });
    }

    [Fact]
    public async Task ReorderFeatures_CategoriesAndValues_SignUpAsksInTheNewOrder()
    {
        var original = await CategoryKeysAsync();
        await Host.CallAsync<ReorderFeaturesRequest, ReorderFeaturesResponse>(SchemaRpc, "ReorderFeatures",
            new() { Change = await ChangeAsync("Bydel først"), Keys = { original.Where(k => k == "district").Concat(original.Where(k => k != "district")) } }, CivicRoles.Admin);
        var districts = (await SchemaAsync()).Categories.Single(c => c.Key == "district").Values.Select(v => v.Key).ToList();
        var alphabetical = districts.Order(StringComparer.Ordinal).ToList();
        await Host.CallAsync<ReorderFeaturesRequest, ReorderFeaturesResponse>(SchemaRpc, "ReorderFeatures",
            new() { Change = await ChangeAsync("Alfabetisk"), Category = "district", Keys = { alphabetical } }, CivicRoles.Admin);

        var form = await SignUpFormAsync();
        await Host.CallAsync<ReorderFeaturesRequest, ReorderFeaturesResponse>(SchemaRpc, "ReorderFeatures", new() { Change = await ChangeAsync("Tilbage"), Keys = { original } }, CivicRoles.Admin);
        await Host.CallAsync<ReorderFeaturesRequest, ReorderFeaturesResponse>(SchemaRpc, "ReorderFeatures",
            new() { Change = await ChangeAsync("Tilbage"), Category = "district", Keys = { districts } }, CivicRoles.Admin);

        Assert.Equal(["district", "age_band", "household_type", "lived_experience"], form.Categories.Select(c => c.Category).Take(4));
        Assert.Equal(["nord", "syd", "oest", "vest", "midtby"], districts.Take(5));
        Assert.Equal(alphabetical, form.Categories[0].Values.Select(v => v.Value));
        Assert.Equal(original, await CategoryKeysAsync());
    }

    [Fact]
    public async Task UpdateFeatureCategory_LivedExperienceMarkMoved_ConveneRequiresValuesOfTheNewlyMarkedCategory()
    {
        await Host.CallAsync<UpdateFeatureCategoryRequest, UpdateFeatureCategoryResponse>(SchemaRpc, "UpdateFeatureCategory",
            new() { Change = await ChangeAsync("Flyttes"), Category = "lived_experience", Label = "Særlig erfaring", LabelEn = "Lived experience", LivedExperience = false }, CivicRoles.Admin);
        var caseId = await new CaseWorkSetup(Host).ReadyCaseAsync();
        var unmarked = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<ConveneRequest, ConveneResponse>(ConveningRpc, "Convene",
            new() { CaseId = caseId, PanelSize = 6, RequiredLivedExperience = { "jobcenter" } }, CivicRoles.Coordinator));
        await Host.CallAsync<UpdateFeatureCategoryRequest, UpdateFeatureCategoryResponse>(SchemaRpc, "UpdateFeatureCategory",
            new() { Change = await ChangeAsync("Husstand som erfaring"), Category = "household_type", Label = "Husstand", LabelEn = "Household", LivedExperience = true }, CivicRoles.Admin);

        var draw = (await Host.CallAsync<ConveneRequest, ConveneResponse>(ConveningRpc, "Convene",
            new() { CaseId = caseId, PanelSize = 6, RequiredLivedExperience = { "enlig-forsoerger" } }, CivicRoles.Coordinator)).Draw;

        await Host.CallAsync<UpdateFeatureCategoryRequest, UpdateFeatureCategoryResponse>(SchemaRpc, "UpdateFeatureCategory",
            new() { Change = await ChangeAsync("Tilbage"), Category = "household_type", Label = "Husstand", LabelEn = "Household", LivedExperience = false }, CivicRoles.Admin);
        await Host.CallAsync<UpdateFeatureCategoryRequest, UpdateFeatureCategoryResponse>(SchemaRpc, "UpdateFeatureCategory",
            new() { Change = await ChangeAsync("Tilbage"), Category = "lived_experience", Label = "Særlig erfaring", LabelEn = "Lived experience", LivedExperience = true }, CivicRoles.Admin);

        Assert.Contains("marked as lived experience", unmarked.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(draw.Quotas, q => q is { Category: "household_type", Value: "enlig-forsoerger", Min: 1 });
    }

    [Fact]
    public async Task AnyChange_StaleEtag_AbortedAndNothingStored()
    {
        var stale = (await SchemaAsync()).Etag;
        await AddValueAsync(new() { Change = await ChangeAsync(), Category = "district", Value = new() { Key = "skov", Label = "Skoven", LabelEn = "Forest" } });
        var current = await SchemaAsync();

        await RpcAssert.FailsAsync(StatusCode.Aborted, () =>
            AddValueAsync(new() { Change = new() { Etag = stale, Reason = "Samtidig ændring" }, Category = "district", Value = new() { Key = "bakken", Label = "Bakken", LabelEn = "The hill" } }));
        await RpcAssert.FailsAsync(StatusCode.Aborted, () =>
            RetireAsync(new() { Change = new() { Etag = stale, Reason = "Samtidig ændring" }, Category = "district", Value = "skov" }));

        Assert.Equal(current, await SchemaAsync());
    }

    public static TheoryData<string, string, string, string, string> BadValues => new()
    {
        // category, key, label, label_en → the field named
        { "district", "nord", "Nordhavn", "North harbour", "value.key" },
        { "district", "Store Bogstaver", "Store", "Capitals", "value.key" },
        { "district", "", "Tom", "Empty", "value.key" },
        { "district", "nordhavn", "Nord", "North harbour", "value.label" },
        { "district", "nordhavn", "", "North harbour", "value.label" },
        { "district", "nordhavn", "Nordhavn", " ", "value.label_en" },
        { "district", "nordhavn", new string('x', 101), "North harbour", "value.label" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task AddFeatureValue_BadValue_InvalidArgumentNamingTheFieldAndNothingStored(string category, string key, string label, string labelEn, string field)
    {
        var before = await SchemaAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            AddValueAsync(new() { Change = new() { Etag = before.Etag, Reason = "Test" }, Category = category, Value = new() { Key = key, Label = label, LabelEn = labelEn } }));

        Assert.Equal([field], RpcAssert.ViolatedFields(exception));
        Assert.Equal(before, await SchemaAsync());
    }

    [Fact]
    public async Task AddFeatureValue_UnknownCategory_NotFoundNamingTheCategories()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.NotFound, async () =>
            await AddValueAsync(new() { Change = await ChangeAsync(), Category = "income", Value = new() { Key = "hoej", Label = "Høj", LabelEn = "High" } }));

        Assert.Contains("age_band, district, household_type, lived_experience", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFeatureValue_CategoryFull_InvalidArgumentAndNothingStored()
    {
        var values = Enumerable.Range(1, 29).Select(i => new NewFeatureValue { Key = $"v{i}", Label = $"Værdi {i}", LabelEn = $"Value {i}" });
        await Host.CallAsync<AddFeatureCategoryRequest, AddFeatureCategoryResponse>(SchemaRpc, "AddFeatureCategory", new()
        {
            Change = await ChangeAsync(), Key = "many", Label = "Mange", LabelEn = "Many", Values = { values },
        }, CivicRoles.Admin);
        await AddValueAsync(new() { Change = await ChangeAsync(), Category = "many", Value = new() { Key = "v30", Label = "Værdi 30", LabelEn = "Value 30" } });
        var before = await SchemaAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            AddValueAsync(new() { Change = new() { Etag = before.Etag, Reason = "En for meget" }, Category = "many", Value = new() { Key = "v31", Label = "Værdi 31", LabelEn = "Value 31" } }));

        Assert.Contains("maximum of 30 values", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaAsync());
    }

    [Fact]
    public async Task AddFeatureCategory_BadInput_EveryWrongFieldNamedAndNothingStored()
    {
        var before = await SchemaAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<AddFeatureCategoryRequest, AddFeatureCategoryResponse>(SchemaRpc, "AddFeatureCategory", new()
            {
                Change = new() { Etag = before.Etag, Reason = "Test" },
                Key = "district", Label = "Aldersgruppe", LabelEn = "", LivedExperience = true,
                Values = { new NewFeatureValue { Key = "a", Label = "A", LabelEn = "A" } },
            }, CivicRoles.Admin));

        Assert.Equal(["key", "label", "label_en", "lived_experience", "values"], RpcAssert.ViolatedFields(exception).Order(StringComparer.Ordinal));
        Assert.Equal(before, await SchemaAsync());
    }

    [Fact]
    public async Task AnyChange_WithoutEtagOrReason_InvalidArgument()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            AddValueAsync(new() { Change = new(), Category = "district", Value = new() { Key = "uden-etag", Label = "Uden etag", LabelEn = "Without etag" } }));

        Assert.Equal(["change.etag", "change.reason"], RpcAssert.ViolatedFields(exception).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RetireFeature_LastOfferedValueOrRetiredTwice_FailedPrecondition()
    {
        await Host.CallAsync<AddFeatureCategoryRequest, AddFeatureCategoryResponse>(SchemaRpc, "AddFeatureCategory", new()
        {
            Change = await ChangeAsync(), Key = "pet", Label = "Kæledyr", LabelEn = "Pet",
            Values = { new NewFeatureValue { Key = "hund", Label = "Hund", LabelEn = "Dog" }, new NewFeatureValue { Key = "kat", Label = "Kat", LabelEn = "Cat" } },
        }, CivicRoles.Admin);
        await RetireAsync(new() { Change = await ChangeAsync(), Category = "pet", Value = "hund" });

        var twice = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, async () => await RetireAsync(new() { Change = await ChangeAsync(), Category = "pet", Value = "hund" }));
        var last = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, async () => await RetireAsync(new() { Change = await ChangeAsync(), Category = "pet", Value = "kat" }));
        var category = await RetireAsync(new() { Change = await ChangeAsync(), Category = "pet" });

        Assert.Contains("retired already", twice.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("retire the category instead", last.Status.Detail, StringComparison.Ordinal);
        Assert.True(category.Applied);
        Assert.DoesNotContain((await SignUpFormAsync()).Categories, c => c.Category == "pet");
        // A retired category is no longer asked: sign-up without it works.
        var request = await CompleteSignUpAsync("Uden Dyr", "uden.dyr@example.dk");
        Assert.False(request.Features.ContainsKey("pet"));
        await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null);
    }

    [Fact]
    public async Task ReorderFeatures_KeysNotEachOnce_InvalidArgument()
    {
        var before = await SchemaAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<ReorderFeaturesRequest, ReorderFeaturesResponse>(SchemaRpc, "ReorderFeatures",
            new() { Change = new() { Etag = before.Etag, Reason = "Test" }, Keys = { before.Categories.Select(c => c.Key).Skip(1).Prepend("district") } }, CivicRoles.Admin));

        Assert.Equal(["keys"], RpcAssert.ViolatedFields(exception));
        Assert.Equal(before, await SchemaAsync());
    }
}
