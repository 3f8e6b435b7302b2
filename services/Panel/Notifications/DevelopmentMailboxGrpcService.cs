using Civic.Contracts.Common.V1;
using Civic.Hosting.Notifications;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Panel.Notifications;

/// <summary>civic.panel.v1.DevelopmentMailboxService: the outbox as a mailbox, in Development only (it shows personal data).</summary>
public sealed class DevelopmentMailboxGrpcService(DevelopmentMailbox<PanelDbContext> mailbox) : Contracts.Panel.V1.DevelopmentMailboxService.DevelopmentMailboxServiceBase
{
    [AllowAnonymous]
    public override Task<ListMailboxResponse> ListMailbox(ListMailboxRequest request, ServerCallContext context) =>
        mailbox.ListAsync(request, context.CancellationToken);
}
