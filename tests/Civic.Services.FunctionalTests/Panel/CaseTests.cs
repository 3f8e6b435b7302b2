using Civic.Contracts.Common.V1;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Defaults.Services;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;

namespace Civic.Services.FunctionalTests.Panel;

public sealed class PanelOnSqlite() : ServiceFixture<CaseGrpcService>(CivicServices.Panel.Name, Backend.Sqlite);

public sealed class PanelOnPostgres() : ServiceFixture<CaseGrpcService>(CivicServices.Panel.Name, Backend.Postgres);

public sealed class CaseTestsOnSqlite(PanelOnSqlite fixture) : CaseTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class CaseTestsOnPostgres(PanelOnPostgres fixture) : CaseTests(fixture), IClassFixture<PanelOnPostgres>;

public abstract class CaseTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = CasesReflection.Descriptor.Services[0];

    [Fact]
    public async Task CreateCase_Valid_StartsInClarificationAndGetAndListReturnIt()
    {
        var first = (await CreateAsync(NewCase("Ensomhed blandt unge"))).Case;
        var second = (await CreateAsync(NewCase("Overgang til plejebolig"))).Case;

        var fetched = (await Host.CallAsync<GetCaseRequest, GetCaseResponse>(Service, "GetCase", new() { Id = first.Id })).Case;
        var listed = await Host.CallAsync<ListCasesRequest, ListCasesResponse>(Service, "ListCases", new() { Page = new PageRequest { PageSize = 500 } });

        Assert.Equal(first, fetched);
        Assert.Equal(CasePhase.Clarification, fetched.Phase);
        Assert.Equal(CoCreationType.Equal, fetched.CoCreationType);
        Assert.Equal("boern-og-unge", fetched.OwningDepartment);
        var ids = listed.Cases.Select(c => c.Id).ToList();
        Assert.True(ids.IndexOf(second.Id) < ids.IndexOf(first.Id), "Cases are listed newest first.");
        Assert.Equal(listed.Page.TotalSize, listed.Cases.Count);
    }

    [Fact]
    public async Task CreateCase_EmailAndPhoneInTheSummary_AcceptedButFlaggedOnEveryRead()
    {
        var request = NewCase("Kontakt til familien");
        request.Summary = "Moren kan nås på mor.familie@example.dk eller 40 12 34 56; sagen handler om skolevejen.";

        var created = (await CreateAsync(request)).Case;
        var fetched = (await Host.CallAsync<GetCaseRequest, GetCaseResponse>(Service, "GetCase", new() { Id = created.Id })).Case;

        Assert.Equal(
            [("summary", CaseTextFlagKind.EmailAddress), ("summary", CaseTextFlagKind.PhoneNumber)],
            fetched.TextFlags.Select(f => (f.Field, f.Kind)));
        Assert.Equal(created.TextFlags, fetched.TextFlags);
        Assert.Empty((await CreateAsync(NewCase("Skolevejen"))).Case.TextFlags);
    }

    [Theory]
    [InlineData("Borgeren (010190-1234) ønsker hjælp til sin søn.")]
    [InlineData("Sagen drejer sig om 0101901234 og familien.")]
    public async Task CreateCase_SummaryWithCprNumber_RefusedAsPersonalDataAndNothingStored(string summary)
    {
        var before = await CountAsync();

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(new CreateCaseRequest
        {
            Title = "Familie i krise",
            Summary = summary,
            OwningDepartment = "boern-og-unge",
        }));

        Assert.Equal(["summary"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.PersonalDataInText);
        Assert.Contains("CPR", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task CreateCase_TitleWithCprAndNoDepartment_EveryFieldNamed()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(new CreateCaseRequest
        {
            Title = "Sag om 311299-9999",
            Summary = "En pseudonymiseret beskrivelse.",
        }));

        Assert.Equal(["owning_department", "title"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.PersonalDataInText);
    }

    [Fact]
    public async Task CreateCase_MissingTexts_InvalidField()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => CreateAsync(new CreateCaseRequest { OwningDepartment = "Børn og Unge" }));

        Assert.Equal(["title", "summary", "owning_department"], RpcAssert.ViolatedFields(exception));
        RpcAssert.ErrorInfo(exception, ErrorReason.InvalidField);
    }

    [Fact]
    public async Task GetCase_UnknownId_NotFound()
    {
        var exception = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetCaseRequest, GetCaseResponse>(Service, "GetCase", new() { Id = Guid.NewGuid().ToString() }));

        RpcAssert.ErrorInfo(exception, ErrorReason.NotFound);
    }

    [Fact]
    public async Task GetCase_StaffOfAnotherDepartment_NotFoundLikeAnUnknownId()
    {
        var other = (await CreateAsync(NewCase("Trafik ved skolen", "by-og-land"))).Case;
        var unknownId = Guid.NewGuid().ToString();

        var outOfScope = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetCaseRequest, GetCaseResponse>(Service, "GetCase", new() { Id = other.Id }, CivicRoles.Staff));
        var unknown = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Host.CallAsync<GetCaseRequest, GetCaseResponse>(Service, "GetCase", new() { Id = unknownId }, CivicRoles.Staff));

        RpcAssert.ErrorInfo(outOfScope, ErrorReason.NotFound);
        Assert.DoesNotContain("by-og-land", outOfScope.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(unknown.Status.Detail.Replace(unknownId, other.Id, StringComparison.Ordinal), outOfScope.Status.Detail);
    }

    [Fact]
    public async Task ListCases_Staff_OnlyTheirOwnDepartmentsCases()
    {
        var own = (await CreateAsync(NewCase("Skolevej", TestTokens.StaffDepartment))).Case;
        var other = (await CreateAsync(NewCase("Affaldssortering", "by-og-land"))).Case;

        var asStaff = await Host.CallAsync<ListCasesRequest, ListCasesResponse>(Service, "ListCases", new() { Page = new PageRequest { PageSize = 500 } }, CivicRoles.Staff);
        var asCoordinator = await Host.CallAsync<ListCasesRequest, ListCasesResponse>(Service, "ListCases", new() { Page = new PageRequest { PageSize = 500 } }, CivicRoles.Coordinator);

        Assert.All(asStaff.Cases, c => Assert.Equal(TestTokens.StaffDepartment, c.OwningDepartment));
        Assert.Contains(asStaff.Cases, c => c.Id == own.Id);
        Assert.Equal(asStaff.Cases.Count, asStaff.Page.TotalSize);
        Assert.Contains(asCoordinator.Cases, c => c.Id == other.Id);
    }

    [Fact]
    public async Task CreateCase_StaffForAnotherDepartment_PermissionDeniedAndNothingStored()
    {
        var before = await CountAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            Host.CallAsync<CreateCaseRequest, CreateCaseResponse>(Service, "CreateCase", NewCase("Fremmed sag", "by-og-land"), CivicRoles.Staff));
        var own = await Host.CallAsync<CreateCaseRequest, CreateCaseResponse>(Service, "CreateCase", NewCase("Egen sag", TestTokens.StaffDepartment), CivicRoles.Staff);

        Assert.Equal(TestTokens.StaffDepartment, own.Case.OwningDepartment);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData(CivicRoles.Citizen, StatusCode.PermissionDenied)]
    [InlineData(CivicRoles.PanelMember, StatusCode.PermissionDenied)]
    public async Task ListCases_NotAnEmployee_Refused(string? role, StatusCode expected)
    {
        await RpcAssert.FailsAsync(expected, () =>
            Host.CallAsync<ListCasesRequest, ListCasesResponse>(Service, "ListCases", new(), role));
    }

    private Task<CreateCaseResponse> CreateAsync(CreateCaseRequest request) =>
        Host.CallAsync<CreateCaseRequest, CreateCaseResponse>(Service, "CreateCase", request);

    private async Task<int> CountAsync() =>
        (await Host.CallAsync<ListCasesRequest, ListCasesResponse>(Service, "ListCases", new() { Page = new PageRequest { PageSize = 1 } })).Page.TotalSize;

    private static CreateCaseRequest NewCase(string title, string owningDepartment = "boern-og-unge") => new()
    {
        Title = title,
        Summary = "Flere unge melder om ensomhed efter skoletid; forældrene vil gerne være med.",
        OwningDepartment = owningDepartment,
        CoCreationType = CoCreationType.Equal,
    };
}
