using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.DemoData;
using Civic.Panel;
using Civic.Panel.Convening;
using Civic.Panel.Invitations;
using Civic.Panel.Lottery;
using Civic.Panel.Pool;
using Civic.Services.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CaseGrpcService = Civic.Panel.Cases.CaseGrpcService;

namespace Civic.Services.FunctionalTests.Panel.CaseWork;

/// <summary>A convened, invited panel for one test: its own case on the demo pool, and the links the members received.</summary>
public sealed class CaseWorkSetup(ServiceHost<CaseGrpcService> host)
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Cases = CasesReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Convening = ConveningReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Invitations = InvitationsReflection.Descriptor.Services[0];
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Member = InvitationsReflection.Descriptor.Services[1];

    public const int PanelSize = 8;

    public async Task SeedPoolAsync()
    {
        using var scope = host.Services.CreateScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoPool>())
        {
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A new case ready to convene (see <see cref="PanelCases.ReadyAsync"/>).</summary>
    public Task<string> ReadyCaseAsync() => PanelCases.ReadyAsync(host);

    /// <summary>A draw of <see cref="PanelSize"/> with age quotas, so replacements have quotas to keep.</summary>
    public async Task<Draw> ConveneAsync(string caseId)
    {
        var request = new ConveneRequest { CaseId = caseId, PanelSize = PanelSize };
        request.Quotas.Add(new Quota { Category = "age_band", Value = "18-29", Min = 1, Max = 2 });
        request.Quotas.Add(new Quota { Category = "age_band", Value = "75+", Min = 1, Max = 2 });
        return (await host.CallAsync<ConveneRequest, ConveneResponse>(Convening, "Convene", request, CivicRoles.Coordinator)).Draw;
    }

    public Task<SendInvitationsResponse> SendAsync(string drawId, DateTimeOffset? deadline = null, string role = CivicRoles.Coordinator) =>
        host.CallAsync<SendInvitationsRequest, SendInvitationsResponse>(Invitations, "SendInvitations", new()
        {
            DrawId = drawId,
            ResponseDeadline = Timestamp.FromDateTimeOffset(deadline ?? TimeProvider.System.GetUtcNow().AddDays(7)),
        }, role);

    /// <summary>A case, its draw and its sent invitations.</summary>
    public async Task<(string CaseId, Draw Draw, IReadOnlyList<Invitation> Invitations)> InvitedPanelAsync()
    {
        var caseId = await ReadyCaseAsync();
        var draw = await ConveneAsync(caseId);
        return (caseId, draw, (await SendAsync(draw.Id)).Invitations);
    }

    public async Task<IReadOnlyList<Invitation>> ListAsync(string caseId) =>
        (await host.CallAsync<ListInvitationsRequest, ListInvitationsResponse>(Invitations, "ListInvitations", new() { CaseId = caseId }, CivicRoles.Coordinator)).Invitations;

    /// <summary>The token in the member's link, as the service signs it.</summary>
    public string TokenFor(string invitationId) => host.Services.GetRequiredService<InvitationLinks>().TokenFor(invitationId);

    public Task<GetMemberViewResponse> ViewAsync(string invitationId, string? token = null) =>
        host.CallAsync<GetMemberViewRequest, GetMemberViewResponse>(Member, "GetMemberView", new() { InvitationId = invitationId, Token = token ?? TokenFor(invitationId) }, null);

    public Task<RespondToInvitationResponse> RespondAsync(string invitationId, bool accept, string? token = null) =>
        host.CallAsync<RespondToInvitationRequest, RespondToInvitationResponse>(Member, "RespondToInvitation",
            new() { InvitationId = invitationId, Token = token ?? TokenFor(invitationId), Accept = accept }, null);

    public Task<AcceptConfidentialityResponse> AcceptTermsAsync(string invitationId, string version = ConfidentialityTermsText.Version) =>
        host.CallAsync<AcceptConfidentialityRequest, AcceptConfidentialityResponse>(Member, "AcceptConfidentiality",
            new() { InvitationId = invitationId, Token = TokenFor(invitationId), TermsVersion = version }, null);

    /// <summary>Accepts the invitation and the confidentiality terms: a full panel member.</summary>
    public async Task JoinAsync(string invitationId)
    {
        await RespondAsync(invitationId, accept: true);
        await AcceptTermsAsync(invitationId);
    }

    /// <summary>Whether the members holding a seat form a valid panel of the draw: size, every quota, the household rule.</summary>
    public static bool SeatsKeepQuotas(Draw draw, IEnumerable<Invitation> invitations)
    {
        var stored = StoredDraw.FromJson(draw.RecordJson);
        var pool = stored.PoolSnapshot.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var seated = invitations.Where(i => i.Status is Civic.Contracts.Panel.V1.InvitationStatus.Pending or Civic.Contracts.Panel.V1.InvitationStatus.Accepted)
            .Select(i => pool[i.MemberId]).ToList();
        return PanelReplacement.Satisfies(stored.Problem(), seated);
    }

    public async Task SetMemberStatusAsync(string memberId, PoolMemberStatus status)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        await db.PoolMembers.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status), TestContext.Current.CancellationToken);
    }

    /// <summary>Sets a member's e-mail and phone; returns what they were, to put back.</summary>
    public async Task<(string Email, string? Phone)> SetMemberAddressAsync(string memberId, string email, string? phone)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        var before = await db.PoolMembers.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Email, m.Phone }).SingleAsync(TestContext.Current.CancellationToken);
        await db.PoolMembers.Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, email).SetProperty(m => m.Phone, phone), TestContext.Current.CancellationToken);
        return (before.Email, before.Phone);
    }

    public async Task<List<PanelInvitation>> StoredInvitationsAsync(string caseId)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PanelDbContext>().Invitations.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(TestContext.Current.CancellationToken);
    }
}
