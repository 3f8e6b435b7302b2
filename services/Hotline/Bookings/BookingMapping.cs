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
    public static NewBooking ToNewBooking(CreateBookingRequest request) => new(
        request.SlotId,
        request.Name,
        request.Phone,
        request.Email,
        request.TopicKind switch
        {
            TopicKindMessage.Question => TopicKind.Question,
            TopicKindMessage.Idea => TopicKind.Idea,
            TopicKindMessage.Complaint => TopicKind.Complaint,
            TopicKindMessage.Other => TopicKind.Other,
            _ => null,
        },
        request.Description,
        request.Language switch
        {
            LanguageMessage.English => BookingLanguage.English,
            LanguageMessage.Other => BookingLanguage.Other,
            _ => BookingLanguage.Danish,
        },
        request.Needs,
        request.Consent,
        request.IdempotencyKey,
        request.HoldId);

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
            Status = booking.Status == BookingStatus.Booked ? Contracts.Hotline.V1.BookingStatus.Booked : Contracts.Hotline.V1.BookingStatus.Cancelled,
            CreatedAt = Timestamp.FromDateTimeOffset(booking.CreatedAt),
            Ideas = { view.Ideas.Select(Ideas.IdeaMapping.ToMessage) },
        };
    }
}
