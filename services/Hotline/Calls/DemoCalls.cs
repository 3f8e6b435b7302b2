using Civic.Hosting.DemoData;
using Civic.Hotline.Bookings;
using Civic.Hotline.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Calls;

/// <summary>
/// A demo session today (16:00-18:00) for Børn og Unge with three fictitious booked calls, so the demo
/// director (demo-direktoer) has a call list on whatever day the demo runs, also on the rule's own day, when the
/// calls go into the materialised session. Added once per day.
/// </summary>
public sealed class DemoCalls(HotlineDbContext db, ManageTokens tokens, TimeProvider timeProvider) : IDemoDataSeeder
{
    private const string DepartmentId = "0192f0a0-0000-7000-8000-000000000001";
    private const string RuleId = "0192f0a0-0000-7000-8000-000000000101";

    private static readonly (string Name, string Phone, TopicKind Kind, string Description, string? Needs)[] Citizens =
    [
        ("Lars Petersen", "+4540000001", TopicKind.Idea, "Skolebussen kunne køre en halv time senere om fredagen.", null),
        ("Fatima Ali", "+4540000002", TopicKind.Question, "Hvordan søger vi om plads i en anden daginstitution?", "Tolk: somali"),
        ("Jens Nielsen", "+4540000003", TopicKind.Complaint, "Legepladsen ved skolen har været lukket i tre måneder.", null),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = HotlineTime.Today(timeProvider);
        if (!await db.ScheduleRules.AnyAsync(r => r.Id == RuleId, cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        // On the rule's own day (the first Tuesday) the materialised session is today's: the demo calls go into it.
        var session = await db.Sessions.Include(s => s.Slots).FirstOrDefaultAsync(s => s.DepartmentId == DepartmentId && s.Date == today && s.CancelledAt == null, cancellationToken)
            ?? await NewSessionAsync(today, now, cancellationToken);
        if (session is null || await db.Bookings.AnyAsync(b => b.SessionId == session.Id && b.IdempotencyKey.StartsWith("demo-"), cancellationToken))
        {
            return;
        }

        var slots = session.Slots.Where(s => s.Booked < s.Capacity).OrderBy(s => s.StartsAt).Take(Citizens.Length).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            var (name, phone, kind, description, needs) = Citizens[i];
            var id = Guid.CreateVersion7(now).ToString();
            slots[i].Booked++;
            db.Bookings.Add(new Booking
            {
                Id = id, Reference = BookingReferences.New(), ManageTokenHash = ManageTokens.Hash(tokens.TokenFor(id)), IdempotencyKey = "demo-" + id,
                DepartmentId = DepartmentId, SessionId = session.Id, SlotId = slots[i].Id, SlotStartsAt = slots[i].StartsAt,
                SessionMonth = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                Name = name, Phone = phone, TopicKind = kind, Description = description, Language = BookingLanguage.Danish, Needs = needs,
                ConsentedAt = now, Status = BookingStatus.Booked, CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Today's demo session (16:00-18:00, 12 slots of 2 lines); null when today's session of the rule was cancelled.</summary>
    private async Task<Session?> NewSessionAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Sessions.AnyAsync(s => s.RuleId == RuleId && s.NominalDate == today, cancellationToken))
        {
            return null;
        }

        var start = HotlineTime.ToInstant(today, 16 * 60)!.Value;
        var session = new Session
        {
            Id = Guid.CreateVersion7(now).ToString(), DepartmentId = DepartmentId, RuleId = RuleId, NominalDate = today, Date = today,
            StartsAt = start, EndsAt = start.AddHours(2), BookingOpensAt = start.AddDays(-14), BookingClosesAt = start.AddHours(-2), CreatedAt = now,
        };
        for (var i = 0; i < 12; i++)
        {
            session.Slots.Add(new Slot
            {
                Id = Guid.CreateVersion7(now).ToString(), SessionId = session.Id, StartsAt = start.AddMinutes(10 * i), EndsAt = start.AddMinutes(10 * (i + 1)), Capacity = 2,
            });
        }

        db.Sessions.Add(session);
        // EF knows no relationship from bookings to slots, so the session and its slots go in first.
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }
}
