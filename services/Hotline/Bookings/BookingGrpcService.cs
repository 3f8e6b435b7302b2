using Civic.Contracts.Hotline.V1;
using Civic.Hotline.Holds;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Hotline.Bookings;

/// <summary>civic.hotline.v1.BookingService: citizens book without logging in; the manage token opens a booking.</summary>
public sealed class BookingGrpcService(BookingDesk desk, SlotHolds holds) : BookingService.BookingServiceBase
{
    [AllowAnonymous]
    public override async Task<CreateBookingResponse> CreateBooking(CreateBookingRequest request, ServerCallContext context)
    {
        var receipt = await desk.CreateAsync(BookingMapping.ToNewBooking(request), context.CancellationToken);
        return new() { Booking = BookingMapping.ToMessage(receipt.View), ManageToken = receipt.ManageToken, Replayed = receipt.Replayed };
    }

    [AllowAnonymous]
    public override async Task<HoldSlotResponse> HoldSlot(HoldSlotRequest request, ServerCallContext context)
    {
        var hold = await holds.HoldAsync(request.SlotId, context.CancellationToken);
        return new() { HoldId = hold.HoldId, ExpiresAt = Timestamp.FromDateTimeOffset(hold.ExpiresAt), Slot = Schedules.ScheduleMapping.ToMessage(hold.Slot, hold.Held) };
    }

    [AllowAnonymous]
    public override async Task<JoinWaitlistResponse> JoinWaitlist(JoinWaitlistRequest request, ServerCallContext context)
    {
        var receipt = await desk.JoinWaitlistAsync(request.SessionId, BookingMapping.ToNewBooking(request), context.CancellationToken);
        return new() { Booking = BookingMapping.ToMessage(receipt.View), ManageToken = receipt.ManageToken, Replayed = receipt.Replayed };
    }

    [AllowAnonymous]
    public override async Task<RequestSessionResponse> RequestSession(RequestSessionRequest request, ServerCallContext context)
    {
        var receipt = await desk.RequestAsync(request.SessionId, request.SlotIds, BookingMapping.ToNewBooking(request), context.CancellationToken);
        return new() { Booking = BookingMapping.ToMessage(receipt.View), ManageToken = receipt.ManageToken, Replayed = receipt.Replayed };
    }

    [AllowAnonymous]
    public override async Task<AcceptWaitlistOfferResponse> AcceptWaitlistOffer(AcceptWaitlistOfferRequest request, ServerCallContext context) =>
        new() { Booking = BookingMapping.ToMessage(await desk.AcceptOfferAsync(request.Reference, request.ManageToken, context.CancellationToken)) };

    [AllowAnonymous]
    public override async Task<GetBookingResponse> GetBooking(GetBookingRequest request, ServerCallContext context) =>
        new() { Booking = BookingMapping.ToMessage(await desk.GetAsync(request.Reference, request.ManageToken, context.CancellationToken)) };

    [AllowAnonymous]
    public override async Task<CancelBookingResponse> CancelBooking(CancelBookingRequest request, ServerCallContext context) =>
        new() { Booking = BookingMapping.ToMessage(await desk.CancelAsync(request.Reference, request.ManageToken, context.CancellationToken)) };

    [AllowAnonymous]
    public override async Task<RescheduleBookingResponse> RescheduleBooking(RescheduleBookingRequest request, ServerCallContext context) =>
        new() { Booking = BookingMapping.ToMessage(await desk.RescheduleAsync(request.Reference, request.ManageToken, request.SlotId, context.CancellationToken)) };
}
