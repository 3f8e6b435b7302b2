using Civic.Contracts.Hotline.V1;
using Civic.Hotline.Schedules;
using Google.Protobuf.WellKnownTypes;
using BookingMessage = Civic.Contracts.Hotline.V1.Booking;
using LanguageMessage = Civic.Contracts.Common.V1.Language;
using TopicKindMessage = Civic.Contracts.Hotline.V1.TopicKind;

namespace Civic.Hotline.Bookings;

/// <summary>Between civic.hotline.v1 booking messages and the booking domain.</summary>
public static class BookingMapping
{
    /// <summary>A waitlist request as a booking request; its slot is chosen later, by an offer.</summary>
    public static NewBooking ToNewBooking(JoinWaitlistRequest request) => ToNewBooking(request, request.SessionId, holdId: string.Empty);

    /// <summary>A lottery request as a booking request; the draw chooses its slot among <see cref="RequestSessionRequest.SlotIds"/>.</summary>
    public static NewBooking ToNewBooking(RequestSessionRequest request) => ToNewBooking(request, request.SessionId, holdId: string.Empty);

    public static NewBooking ToNewBooking(CreateBookingRequest request) => ToNewBooking(request, request.SlotId, request.HoldId);

    private static NewBooking ToNewBooking(ICitizenDetails citizen, string slotId, string holdId) => new(
        slotId,
        citizen.Name,
        citizen.Phone,
        citizen.Email,
        citizen.TopicKind switch
        {
            TopicKindMessage.Question => TopicKind.Question,
            TopicKindMessage.Idea => TopicKind.Idea,
            TopicKindMessage.Complaint => TopicKind.Complaint,
            TopicKindMessage.Other => TopicKind.Other,
            _ => null,
        },
        citizen.Description,
        citizen.Language switch
        {
            LanguageMessage.English => BookingLanguage.English,
            LanguageMessage.Other => BookingLanguage.Other,
            _ => BookingLanguage.Danish,
        },
        citizen.Needs,
        citizen.Consent,
        citizen.IdempotencyKey,
        holdId);

    public static BookingMessage ToMessage(BookingView view)
    {
        var booking = view.Booking;
        return new BookingMessage
        {
            Reference = booking.Reference,
            DepartmentId = booking.DepartmentId,
            SessionId = booking.SessionId,
            Slot = ScheduleMapping.ToMessage(view.Slot, held: 0),
            Name = booking.Name,
            Phone = booking.Phone,
            Email = booking.Email ?? string.Empty,
            TopicKind = (TopicKindMessage)(int)booking.TopicKind,
            Description = booking.Description,
            Language = booking.Language switch
            {
                BookingLanguage.English => LanguageMessage.English,
                BookingLanguage.Other => LanguageMessage.Other,
                _ => LanguageMessage.Danish,
            },
            Needs = booking.Needs ?? string.Empty,
            Status = booking.Status switch
            {
                BookingStatus.Booked => Contracts.Hotline.V1.BookingStatus.Booked,
                BookingStatus.Waitlisted => Contracts.Hotline.V1.BookingStatus.Waitlisted,
                BookingStatus.Offered => Contracts.Hotline.V1.BookingStatus.Offered,
                BookingStatus.Requested => Contracts.Hotline.V1.BookingStatus.Requested,
                _ => Contracts.Hotline.V1.BookingStatus.Cancelled,
            },
            CreatedAt = Timestamp.FromDateTimeOffset(booking.CreatedAt),
            // A booking is seen by its citizen too: the follow-up flag belongs on the idea board.
            Ideas = { view.Ideas.Select(idea => Ideas.IdeaMapping.ToMessage(idea, withFlag: false)) },
            OfferExpiresAt = booking.OfferExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
            RebookUntil = booking.RebookUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
            SessionCancelReason = view.SessionCancelReason ?? string.Empty,
            AcceptableSlotIds = { view.AcceptableSlotIds ?? [] },
            DrawAt = view.DrawAt is { } drawAt ? Timestamp.FromDateTimeOffset(drawAt) : null,
        };
    }
}
