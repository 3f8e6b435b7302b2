using System.Security.Claims;
using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Civic.Hotline.Calls;
using Civic.Hotline.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Ideas;

/// <summary>Registers ideas from calls, moves them through their life cycle and lists the public board.</summary>
public sealed class IdeaBoard(HotlineDbContext db, DepartmentScope scope, NotificationOutbox outbox, TimeProvider timeProvider)
{
    public const string ListScope = "hotline.ideas";

    public async Task<Idea> RegisterAsync(ClaimsPrincipal caller, string bookingReference, string title, string description, CancellationToken cancellationToken)
    {
        var (validTitle, validDescription) = IdeaRules.ValidateNew(title, description);
        new FieldViolations().Required("booking_reference", bookingReference, "the booking the idea came from", "bookingen, idéen kom fra").ThrowIfAny();
        var reference = bookingReference.Trim().ToUpperInvariant();
        var booking = await db.Bookings.AsNoTracking().Where(b => b.Reference == reference).Select(b => new { b.Id, b.DepartmentId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No booking has reference '{reference}'.", $"Der findes ingen booking med nummeret '{reference}'.");
        await scope.ResolveAsync(caller, booking.DepartmentId, cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        var idea = new Idea
        {
            Id = Guid.CreateVersion7(now).ToString(), DepartmentId = booking.DepartmentId, BookingId = booking.Id, Title = validTitle, Description = validDescription,
            Status = IdeaStatus.Received, CreatedAt = now, StatusChangedAt = now,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(cancellationToken);
        return idea;
    }

    public async Task<Idea> ChangeStatusAsync(ClaimsPrincipal caller, string id, IdeaStatus? status, string reason, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations().Required("id", id, "the idea's id", "idéens id");
        if (status is null)
        {
            violations.Add("status", "Choose the idea's new status.", "Vælg idéens nye status.");
        }

        violations.ThrowIfAny();
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No idea has id '{id}'.", $"Der findes ingen idé med id '{id}'.");
        await scope.ResolveAsync(caller, idea.DepartmentId, cancellationToken);
        var declineReason = IdeaRules.ValidateMove(idea.Status, status, reason);
        idea.Status = status!.Value;
        idea.DeclineReason = declineReason;
        idea.StatusChangedAt = timeProvider.GetStoredUtcNow();
        // The citizen hears of every change; the message is saved with the change.
        if (idea.BookingId is not null && await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == idea.BookingId, cancellationToken) is { ContactDataErasedAt: null } booking)
        {
            outbox.IdeaStatusChanged(booking, idea);
        }

        await db.SaveChangesAsync(cancellationToken);
        return idea;
    }

    public async Task<Page<Idea>> ListAsync(PageQuery page, string departmentId, CancellationToken cancellationToken)
    {
        var ideas = db.Ideas.AsNoTracking().Where(i => departmentId.Length == 0 || i.DepartmentId == departmentId);
        var fetched = await ideas.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(page.Offset).Take(page.FetchCount).ToListAsync(cancellationToken);
        return page.ToPage(fetched, await ideas.CountAsync(cancellationToken));
    }
}
