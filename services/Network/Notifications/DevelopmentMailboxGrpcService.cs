using Civic.Contracts.Common.V1;
using Civic.Hosting.Notifications;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Network.Notifications;

/// <summary>civic.network.v1.DevelopmentMailboxService: the outbox as a mailbox, in Development only (it shows personal data).</summary>
public sealed class DevelopmentMailboxGrpcService(DevelopmentMailbox<NetworkDbContext> mailbox) : Contracts.Network.V1.DevelopmentMailboxService.DevelopmentMailboxServiceBase
{
    [AllowAnonymous]
    public override Task<ListMailboxResponse> ListMailbox(ListMailboxRequest request, ServerCallContext context) =>
        mailbox.ListAsync(request, context.CancellationToken);
}
