using Civic.Contracts.Hotline.V1;
using Civic.Hotline.Bookings;
using Google.Protobuf.WellKnownTypes;
using CallResultMessage = Civic.Contracts.Hotline.V1.CallResult;
using ReferralKindMessage = Civic.Contracts.Hotline.V1.ReferralKind;

namespace Civic.Hotline.Calls;

/// <summary>Between civic.hotline.v1 call messages and the call domain.</summary>
public static class CallMapping
{
    public static Call ToMessage(BookingView view)
    {
        var booking = view.Booking;
        var call = new Call { Booking = BookingMapping.ToMessage(view) };
        if (booking.Result is { } result)
        {
            call.Outcome = new CallOutcome
            {
                Result = (CallResultMessage)(int)result,
                Summary = booking.OutcomeSummary ?? string.Empty,
                FollowUps = booking.FollowUps ?? string.Empty,
                Referral = (ReferralKindMessage)(int)(booking.Referral ?? Bookings.ReferralKind.None),
                ReferralNote = booking.ReferralNote ?? string.Empty,
                EscalateToPanel = booking.EscalateToPanel,
                EscalationNote = booking.EscalationNote ?? string.Empty,
                RecordedAt = booking.OutcomeRecordedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
                RecordedBy = booking.OutcomeRecordedBy ?? string.Empty,
            };
        }

        return call;
    }

    public static NewCallOutcome ToOutcome(RecordCallOutcomeRequest request) => new(
        request.Result is CallResultMessage.Answered or CallResultMessage.NoShow ? (Bookings.CallResult)(int)request.Result : null,
        request.Summary,
        request.FollowUps,
        request.Referral is ReferralKindMessage.Navigator or ReferralKindMessage.ResourcePerson or ReferralKindMessage.None ? (Bookings.ReferralKind)(int)request.Referral : null,
        request.ReferralNote,
        request.EscalateToPanel,
        request.EscalationNote);
}
