using Civic.Contracts.Hotline.V1;
using Civic.Hosting.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Notifications;

/// <summary>civic.hotline.v1.DevelopmentMailboxService: the outbox as a mailbox, in Development only (it shows personal data).</summary>
public sealed class DevelopmentMailboxGrpcService(HotlineDbContext db, NotificationDispatcher dispatcher, IHostEnvironment environment)
    : DevelopmentMailboxService.DevelopmentMailboxServiceBase
{
    private const int MaxMessages = 50;

    [AllowAnonymous]
    public override async Task<ListMailboxResponse> ListMailbox(ListMailboxRequest request, ServerCallContext context)
    {
        if (!environment.IsDevelopment())
        {
            throw new FailedPreconditionException("The development mailbox exists only in the Development environment.", "Udviklingspostkassen findes kun i udviklingsmiljøet.");
        }

        var take = request.MaxMessages is > 0 and < MaxMessages ? request.MaxMessages : MaxMessages;
        var messages = await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(context.CancellationToken);
        var response = new ListMailboxResponse();
        response.Messages.AddRange(messages.Select(n => new MailboxMessage
        {
            Id = n.Id, Channel = n.Channel.ToString(), Recipient = n.Recipient, Subject = n.Subject, Body = dispatcher.BodyOf(n),
            HasCalendar = n.Calendar is not null, CreatedAt = Timestamp.FromDateTimeOffset(n.CreatedAt),
            SentAt = n.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        }));
        return response;
    }
}
