using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>
/// The manage link: a citizen sees their booking and can cancel or move it. The link's token is the
/// only key; the Hotline service checks it against the hash it keeps.
/// </summary>
public sealed class ManageModel(
    PageServiceCalls calls,
    BookingService.BookingServiceClient bookings,
    ScheduleService.ScheduleServiceClient schedules,
    TimeProvider timeProvider) : PageModel
{
    public const string JustBooked = "booket";
    public const string Cancelled = "aflyst";
    public const string Moved = "flyttet";
    public const string GeneralFieldId = "booking-actions";

    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal) { ["slot_id"] = "new-slot" };

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "noegle")]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Notice { get; set; }

    [BindProperty]
    public string? NewSlotId { get; set; }

    public FormErrors Errors { get; } = new();

    public Booking? Booking { get; private set; }

    /// <summary>Why the booking cannot be shown (a wrong or expired link), or null.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<Session>? Sessions { get; private set; }

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public static string LinkTo(string reference, string token, string? notice = null) =>
        $"/direktoerlinjen/booking/{Uri.EscapeDataString(reference)}?noegle={Uri.EscapeDataString(token)}" + (notice is null ? string.Empty : $"&besked={notice}");

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCancelAsync() =>
        await ChangeAsync(Cancelled, options => bookings.CancelBookingAsync(new CancelBookingRequest { Reference = Reference, ManageToken = Token ?? string.Empty }, options).ResponseAsync);

    public async Task<IActionResult> OnPostRescheduleAsync() =>
        await ChangeAsync(Moved, options => bookings.RescheduleBookingAsync(
            new RescheduleBookingRequest { Reference = Reference, ManageToken = Token ?? string.Empty, SlotId = NewSlotId ?? string.Empty }, options).ResponseAsync);

    public async Task<IActionResult> OnPostAcceptOfferAsync() =>
        await ChangeAsync(JustBooked, options => bookings.AcceptWaitlistOfferAsync(new AcceptWaitlistOfferRequest { Reference = Reference, ManageToken = Token ?? string.Empty }, options).ResponseAsync);

    /// <summary>The municipality cancelled the session: the citizen may pick a new time, also where booking has not opened yet.</summary>
    public bool Priority => Booking is { Status: BookingStatus.Cancelled, RebookUntil: { } until } && until.ToDateTimeOffset() > Now;

    public bool CanCancel => Booking is { Status: BookingStatus.Waitlisted or BookingStatus.Offered or BookingStatus.Requested }
        || (Booking is { Status: BookingStatus.Booked } && Booking.Slot.StartsAt.ToDateTimeOffset() > Now);

    public bool CanMove => Priority || (Booking is { Status: BookingStatus.Booked } && Booking.Slot.StartsAt.ToDateTimeOffset() > Now);

    public bool Bookable(Session session, Slot slot) =>
        !session.Cancelled
        && (Priority || session.BookingOpensAt.ToDateTimeOffset() <= Now) && Now < session.BookingClosesAt.ToDateTimeOffset()
        && slot.StartsAt.ToDateTimeOffset() > Now && BookModel.Free(slot) > 0 && slot.Id != Booking?.Slot.Id;

    private async Task<IActionResult> ChangeAsync<T>(string notice, Func<CallOptions, Task<T>> call)
    {
        try
        {
            await call(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted));
            return Redirect(LinkTo(Reference, Token ?? string.Empty, notice));
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, FieldIds, GeneralFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, HotlineText.BookingUnavailable.Current);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Notice = Notice is JustBooked or Cancelled or Moved ? Notice : null;
        try
        {
            var request = new GetBookingRequest { Reference = Reference, ManageToken = Token ?? string.Empty };
            Booking = (await bookings.GetBookingAsync(request, deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted)).Booking;
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            var errors = new FormErrors();
            RpcFormErrors.AddTo(errors, exception, new Dictionary<string, string>(), GeneralFieldId);
            Problem = errors.All[0].Message;
            return;
        }
        catch (RpcException)
        {
            Problem = HotlineText.BookingUnavailable.Current;
            return;
        }

        if (CanMove)
        {
            var departmentId = Booking.DepartmentId;
            Sessions = (await calls.CallAsync(HttpContext, nameof(schedules.ListSessions),
                options => schedules.ListSessionsAsync(new ListSessionsRequest { DepartmentId = departmentId, MaxSessions = Priority ? 6 : 3 }, options)))?.Sessions;
        }
    }
}
