using Civic.Contracts.Common.V1;
using Civic.Hosting.Errors;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Civic.Hosting.Notifications;

/// <summary>
/// A service's outbox as a mailbox, newest first, bodies as delivered. Development only: it shows personal data.
/// Each service's DevelopmentMailboxService handler answers with it.
/// </summary>
public sealed class DevelopmentMailbox<TContext>(TContext db, MessageBodies bodies, IHostEnvironment environment)
    where TContext : DbContext
{
    private const int MaxMessages = 50;

    public async Task<ListMailboxResponse> ListAsync(ListMailboxRequest request, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            throw new FailedPreconditionException("The development mailbox exists only in the Development environment.", "Udviklingspostkassen findes kun i udviklingsmiljøet.");
        }

        var take = request.MaxMessages is > 0 and < MaxMessages ? request.MaxMessages : MaxMessages;
        var messages = await db.Set<OutboxMessage>().AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take)
            .ToListAsync(cancellationToken);
        var response = new ListMailboxResponse();
        response.Messages.AddRange(messages.Select(m => new MailboxMessage
        {
            Id = m.Id, Channel = m.Channel.ToString(), Recipient = m.Recipient, Subject = m.Subject, Body = bodies.Render(m),
            HasCalendar = m.Calendar is not null, CreatedAt = Timestamp.FromDateTimeOffset(m.CreatedAt),
            SentAt = m.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        }));
        return response;
    }
}
