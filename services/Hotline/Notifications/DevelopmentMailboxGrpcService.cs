using Civic.Contracts.Hotline.V1;
using Civic.Hosting.Notifications;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Hotline.Notifications;

/// <summary>civic.hotline.v1.DevelopmentMailboxService: the outbox as a mailbox, in Development only (it shows personal data).</summary>
public sealed class DevelopmentMailboxGrpcService(DevelopmentMailbox<HotlineDbContext> mailbox) : DevelopmentMailboxService.DevelopmentMailboxServiceBase
{
    [AllowAnonymous]
    public override async Task<ListMailboxResponse> ListMailbox(ListMailboxRequest request, ServerCallContext context)
    {
        var shared = await mailbox.ListAsync(new() { MaxMessages = request.MaxMessages }, context.CancellationToken);
        // The Hotline's messages came first and are field for field the shared ones: the same bytes on the wire.
        return ListMailboxResponse.Parser.ParseFrom(shared.ToByteString());
    }
}
