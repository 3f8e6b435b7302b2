using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Notifications;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static Civic.Services.FunctionalTests.Panel.Pool.PoolTestData;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.Pool;

public sealed class SignUpTestsOnSqlite(PanelOnSqlite fixture) : SignUpTests(fixture), IClassFixture<PanelOnSqlite>;

public sealed class SignUpTestsOnPostgres(PanelOnPostgres fixture) : SignUpTests(fixture), IClassFixture<PanelOnPostgres>;

/// <summary>Sign-up without an account, its confirmation link, and assisted sign-up; every bad input stores nothing.</summary>
public abstract class SignUpTests(ServiceFixture<CaseGrpcService> fixture) : ServiceTests<CaseGrpcService>(fixture), IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await SeedSchemaAsync(Host);

    [Fact]
    public async Task GetSignUpForm_Anonymous_SchemaAndConsentTextInForce()
    {
        var form = await Host.CallAsync<GetSignUpFormRequest, GetSignUpFormResponse>(PoolRpc, "GetSignUpForm", new(), role: null);

        Assert.Equal(["age_band", "district", "household_type", "lived_experience"], form.Categories.Select(c => c.Category));
        Assert.Contains(form.Categories[0].Values, v => v is { Value: "75+", Label: "75 år og derover" });
        Assert.Equal(ConsentText.CurrentVersion, form.ConsentTextVersion);
        Assert.Equal(24, form.ConsentMonths);
        Assert.Contains("samtykke", form.ConsentText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_Valid_PendingWithConsentUntilTheConfirmationLinkIsOpened()
    {
        var signedUp = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Mette Jensen", "mette.signup@example.dk", "+45 40 12 34 56"), role: null);
        var pending = (await Host.CallAsync<GetMemberRequest, GetMemberResponse>(PoolRpc, "GetMember", new() { Id = signedUp.MemberId, Reason = "Test af tilmelding" }, CivicRoles.Coordinator)).Member;

        var (email, delivered) = DeliveredMessage(Host, signedUp.MemberId, "PanelSignUpConfirm");
        var token = ConfirmationToken(Host, signedUp);
        var confirmed = await Host.CallAsync<ConfirmSignUpRequest, ConfirmSignUpResponse>(PoolRpc, "ConfirmSignUp",
            new() { MemberId = signedUp.MemberId, Token = token }, role: null);
        var (_, welcome) = DeliveredMessage(Host, signedUp.MemberId, "PanelWelcome");
        var own = await Host.CallAsync<GetMyMembershipRequest, GetMyMembershipResponse>(MembershipRpc, "GetMyMembership",
            new() { Credentials = new() { MemberId = confirmed.MemberId, Token = confirmed.MemberToken } }, role: null);

        Assert.Equal(MemberStatus.Pending, signedUp.Status);
        Assert.Equal(MemberStatus.Pending, pending.Status);
        Assert.Equal("+4540123456", pending.Phone);
        Assert.Equal(ConsentText.CurrentVersion, pending.Consent.TextVersion);
        Assert.Equal(ConsentText.Scope, pending.Consent.Scope);
        Assert.Equal(string.Empty, pending.Consent.GivenTo);
        Assert.Equal(pending.Consent.GivenAt.ToDateTimeOffset().AddMonths(24), pending.Consent.ExpiresAt.ToDateTimeOffset());
        Assert.InRange(signedUp.ConfirmBy.ToDateTimeOffset() - pending.CreatedAt.ToDateTimeOffset(), TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(3));
        // The e-mail is in the outbox with the sign-up; the stored body holds a placeholder, the delivered one the signed link.
        Assert.Equal((MessageChannel.Email, "mette.signup@example.dk"), (email.Channel, email.Recipient));
        Assert.DoesNotContain(token, email.Body, StringComparison.Ordinal);
        Assert.Contains(MemberMessages.ConfirmLinkPlaceholder, email.Body, StringComparison.Ordinal);
        Assert.Contains("Hej Mette Jensen", delivered, StringComparison.Ordinal);
        Assert.Equal(Host.Services.GetRequiredService<MemberLinkTokens>().TokenFor(signedUp.MemberId, MemberLinkPurpose.Confirm, signedUp.ConfirmBy.ToDateTimeOffset()), token);
        Assert.Contains($"/borgerpanelet/medlem/{confirmed.MemberId}?noegle={Uri.EscapeDataString(confirmed.MemberToken)}", welcome, StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Active, confirmed.Status);
        Assert.Equal(MemberStatus.Active, own.Member.Status);
        Assert.Equal("Mette Jensen", own.Member.Name);
        Assert.Equal(["da", "en"], own.Member.Languages);
        Assert.Equal("jobcenter", own.Member.Features["lived_experience"]);
        // Only hashes of the links are kept.
        var hashes = await WithDbAsync(Host, db => Task.FromResult(db.MemberLinks.Where(l => l.MemberId == signedUp.MemberId).Select(l => l.TokenHash).ToList()));
        Assert.Equal([MemberLinkTokens.Hash(confirmed.MemberToken)], hashes);
    }

    [Fact]
    public async Task SignUp_AddressAlreadyInThePool_NoSecondMembershipTheOwnerIsMailedAndTheAnswerIsTheSame()
    {
        var first = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Mads Dobbelt", "mads.dobbelt@example.dk"), role: null);
        var count = await MemberCountAsync(Host);
        var again = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Mads Dobbelt", "Mads.Dobbelt@Example.dk"), role: null);
        var token = ConfirmationToken(Host, again);
        await Host.CallAsync<ConfirmSignUpRequest, ConfirmSignUpResponse>(PoolRpc, "ConfirmSignUp", new() { MemberId = again.MemberId, Token = token }, role: null);
        var other = SignUp("Nogen Andre", "mads.dobbelt@example.dk");
        other.Features["district"] = "vest";
        var whenActive = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", other, role: null);

        Assert.Equal(count, await MemberCountAsync(Host));
        Assert.Equal(first.MemberId, again.MemberId);
        Assert.Equal((first.MemberId, MemberStatus.Pending), (whenActive.MemberId, whenActive.Status));
        var (reminder, delivered) = DeliveredMessage(Host, first.MemberId, "PanelAlreadyMember");
        Assert.Equal("mads.dobbelt@example.dk", reminder.Recipient);
        Assert.Contains($"/borgerpanelet/medlem/{first.MemberId}?noegle=", delivered, StringComparison.Ordinal);
        var stored = await WithDbAsync(Host, db => Task.FromResult(db.PoolMembers.Single(m => m.Id == first.MemberId)));
        Assert.Equal(("Mads Dobbelt", "oest"), (stored.Name, stored.Features["district"]));
        Assert.Equal(2, await AuditCountAsync(Host, first.MemberId, "member.sign-up-again"));
    }

    public static TheoryData<string, string, string> BadFeatures => new()
    {
        { "age_band", "12-17", "'12-17' is not a value of 'age_band' in the feature schema. Valid values: 18-29, 30-44, 45-59, 60-74, 75+." },
        { "income", "high", "'income' is not a category of the feature schema. Categories: age_band, district, household_type, lived_experience." },
        { "district", "", "Choose a value for 'district'. Valid values: nord, syd, oest, vest, midtby." },
    };

    [Theory]
    [MemberData(nameof(BadFeatures))]
    public async Task SignUp_FeatureNotInSchema_InvalidArgumentNamingTheValidOnesAndNothingStored(string category, string value, string message)
    {
        var request = SignUp("Lars Nielsen", "lars.bad@example.dk");
        request.Features[category] = value;
        var before = await MemberCountAsync(Host);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null));

        Assert.Equal([$"features.{category}"], RpcAssert.ViolatedFields(exception));
        Assert.Contains(message, exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await MemberCountAsync(Host));
    }

    [Fact]
    public async Task SignUp_NoConsentNoNameBadEmailPhoneAndLanguage_EveryFieldNamedNothingStored()
    {
        var request = SignUp(" ", "ikke-en-adresse", "12");
        request.Consent = new ConsentGiven { Accepted = false };
        request.Languages.Add("dansk");
        var before = await MemberCountAsync(Host);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null));

        Assert.Equal(["name", "email", "phone", "languages", "consent"], RpcAssert.ViolatedFields(exception));
        Assert.Equal(before, await MemberCountAsync(Host));
    }

    [Fact]
    public async Task SignUp_ConsentToAnOldText_InvalidArgument()
    {
        var request = SignUp("Ida Hansen", "ida.old@example.dk");
        request.Consent.TextVersion = "2020-01";

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", request, role: null));

        Assert.Equal(["consent.text_version"], RpcAssert.ViolatedFields(exception));
    }

    [Fact]
    public async Task ConfirmSignUp_ForgedReplayedAndExpiredLinks_RefusedAndNothingChanges()
    {
        var signedUp = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Sofie Larsen", "sofie.links@example.dk"), role: null);
        var token = ConfirmationToken(Host, signedUp);
        var other = await Host.CallAsync<SignUpRequest, SignUpResponse>(PoolRpc, "SignUp", SignUp("Peter Madsen", "peter.links@example.dk"), role: null);
        var tokens = Host.Services.GetRequiredService<MemberLinkTokens>();

        Task Confirm(string memberId, string t) => Host.CallAsync<ConfirmSignUpRequest, ConfirmSignUpResponse>(PoolRpc, "ConfirmSignUp", new() { MemberId = memberId, Token = t }, role: null);
        var forged = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Confirm(signedUp.MemberId, token[..^4] + "AAAA"));
        var othersToken = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Confirm(other.MemberId, token));
        var laterExpiry = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Confirm(signedUp.MemberId, tokens.TokenFor(signedUp.MemberId, MemberLinkPurpose.Confirm, signedUp.ConfirmBy.ToDateTimeOffset().AddDays(30))));
        var expired = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Confirm(signedUp.MemberId, tokens.TokenFor(signedUp.MemberId, MemberLinkPurpose.Confirm, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var stillPending = await WithDbAsync(Host, db => Task.FromResult(db.PoolMembers.Single(m => m.Id == signedUp.MemberId).Status));
        await Confirm(signedUp.MemberId, token);
        var replayed = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Confirm(signedUp.MemberId, token));

        Assert.Equal(forged.Status.Detail, othersToken.Status.Detail);
        Assert.Equal(forged.Status.Detail, laterExpiry.Status.Detail);
        Assert.DoesNotContain("Sofie", forged.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("expired", expired.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(PoolMemberStatus.Pending, stillPending);
        Assert.Contains("already been used", replayed.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync(Host, signedUp.MemberId, "member.confirm"));
    }

    [Fact]
    public async Task RegisterAssisted_Staff_ActiveAtOnceWithConsentGivenToTheNamedEmployee()
    {
        var request = new RegisterAssistedRequest
        {
            Name = "Karen Sørensen",
            Phone = "23 45 67 89",
            Consent = new ConsentGiven { Accepted = true, TextVersion = ConsentText.CurrentVersion },
        };
        request.Features.Add(SignUp("x", "x@example.dk").Features);

        var registered = await Host.CallWithTokenAsync<RegisterAssistedRequest, RegisterAssistedResponse>(PoolRpc, "RegisterAssisted", request,
            TestTokens.ForUser("emp-4711", CivicRoles.Staff));
        var own = await Host.CallAsync<GetMyMembershipRequest, GetMyMembershipResponse>(MembershipRpc, "GetMyMembership",
            new() { Credentials = new() { MemberId = registered.Member.Id, Token = registered.MemberToken } }, role: null);

        Assert.Equal(MemberStatus.Active, registered.Member.Status);
        Assert.Equal("Test emp-4711 (emp-4711)", registered.Member.Consent.GivenTo);
        Assert.Equal(string.Empty, registered.Member.Email);
        Assert.Equal("Karen Sørensen", own.Member.Name);
        Assert.Equal(1, await AuditCountAsync(Host, registered.Member.Id, "member.sign-up-assisted"));
    }

    [Fact]
    public async Task RegisterAssisted_NoContactAndFeatureOutsideTheSchema_InvalidArgumentNothingStored()
    {
        var request = new RegisterAssistedRequest { Name = "Jens Pedersen", Consent = new ConsentGiven { Accepted = true, TextVersion = ConsentText.CurrentVersion } };
        request.Features.Add(SignUp("x", "x@example.dk").Features);
        request.Features["household_type"] = "storfamilie";
        var before = await MemberCountAsync(Host);

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<RegisterAssistedRequest, RegisterAssistedResponse>(PoolRpc, "RegisterAssisted", request, CivicRoles.Staff));

        Assert.Equal(["email", "features.household_type"], RpcAssert.ViolatedFields(exception));
        Assert.Contains("Valid values: alene, par, boernefamilie, enlig-forsoerger.", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await MemberCountAsync(Host));
    }

    [Fact]
    public async Task GetMember_WithoutReason_InvalidArgumentAndNoRead()
    {
        var member = await ActiveMemberAsync(Host, "Emma Rasmussen", "emma.reason@example.dk");
        var readsBefore = await AuditCountAsync(Host, member.MemberId, "member.read");

        var exception = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Host.CallAsync<GetMemberRequest, GetMemberResponse>(PoolRpc, "GetMember", new() { Id = member.MemberId }, CivicRoles.Coordinator));

        Assert.Equal(["reason"], RpcAssert.ViolatedFields(exception));
        Assert.Equal(readsBefore, await AuditCountAsync(Host, member.MemberId, "member.read"));
    }
}
