using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>
/// Booking a call without logging in: choose a department (or describe the topic, or say you do not know),
/// then a free time, which is held for the citizen (HoldSlot) while they say who they are and what it is about.
/// Plain forms, no script.
/// </summary>
public sealed class BookModel(
    PageServiceCalls calls,
    DepartmentLookup departments,
    DepartmentService.DepartmentServiceClient departmentClient,
    ScheduleService.ScheduleServiceClient schedules,
    BookingService.BookingServiceClient bookings,
    TimeProvider timeProvider) : PageModel
{
    public const string SlotFieldId = "slot";

    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        ["slot_id"] = SlotFieldId, ["name"] = "name", ["phone"] = "phone", ["email"] = "email", ["topic_kind"] = "kind",
        ["description"] = "description", ["needs"] = "needs", ["consent"] = "consent", ["idempotency_key"] = SlotFieldId,
        ["session_id"] = SlotFieldId, ["slot_ids"] = SlotFieldId,
    };

    [BindProperty(SupportsGet = true, Name = "afdeling")]
    public string? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "emne")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "vedikke")]
    public bool Unsure { get; set; }

    [BindProperty]
    public string? SlotId { get; set; }

    /// <summary>A full session the citizen wants to wait for (JoinWaitlist) instead of choosing a time.</summary>
    [BindProperty(SupportsGet = true, Name = "venteliste")]
    public string? WaitlistSessionId { get; set; }

    /// <summary>A lottery session in its request window the citizen asks for (RequestSession) instead of choosing one time.</summary>
    [BindProperty(SupportsGet = true, Name = "anmodning")]
    public string? RequestSessionId { get; set; }

    /// <summary>For a lottery request: every time the citizen can make (checkboxes).</summary>
    [BindProperty]
    public List<string> RequestedSlotIds { get; set; } = [];

    /// <summary>The hold on the chosen slot (from HoldSlot), sent with the booking so the held seat is this citizen's.</summary>
    [BindProperty]
    public string? HoldId { get; set; }

    [BindProperty]
    public DateTimeOffset? HoldExpiresAt { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public TopicKind Kind { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public Language BookingLanguage { get; set; } = Language.Danish;

    [BindProperty]
    public string? Needs { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    /// <summary>Made when the form is shown, so sending it twice (a double click, a retry) books once.</summary>
    [BindProperty]
    public string IdempotencyKey { get; set; } = string.Empty;

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<Department>? Departments { get; private set; }

    public RouteTopicResponse? Route { get; private set; }

    public Department? Department { get; private set; }

    /// <summary>The department's coming sessions; null when the service could not be reached.</summary>
    public IReadOnlyList<Session>? Sessions { get; private set; }

    /// <summary>The slot the citizen holds, once chosen: the page then asks for the details.</summary>
    public Slot? ChosenSlot { get; private set; }

    /// <summary>The full session whose waitlist the citizen joins; the page then asks for the details.</summary>
    public Session? WaitlistSession { get; private set; }

    /// <summary>The lottery session the citizen asks for; the page then asks for the acceptable times and the details.</summary>
    public Session? RequestSession { get; private set; }

    /// <summary>True while a lottery session takes requests: from booking open until its request window closes.</summary>
    public bool TakesRequests(Session session) =>
        !session.Cancelled && session.RequestWindowClosesAt is { } closes && session.DrawnAt is null
        && session.BookingOpensAt.ToDateTimeOffset() <= Now && Now < closes.ToDateTimeOffset();

    /// <summary>True when a lottery session has not been drawn yet, so none of its times can be booked directly.</summary>
    public static bool AwaitsDraw(Session session) => session.RequestWindowClosesAt is not null && session.DrawnAt is null;

    /// <summary>True when a session has no free time left but is open for booking, so its waitlist can be joined.</summary>
    public bool Full(Session session) =>
        !session.Cancelled && session.BookingOpensAt.ToDateTimeOffset() <= Now && Now < session.BookingClosesAt.ToDateTimeOffset()
        && session.Slots.Any(s => s.StartsAt.ToDateTimeOffset() > Now) && !session.Slots.Any(s => Bookable(session, s));


    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public TextField TopicField => new("topic", "emne", HotlineText.TopicLabel.Current, HotlineText.TopicHint.Current, Topic, null);

    public TextField NameField => new("name", nameof(Name), HotlineText.NameLabel.Current, null, Name, Errors.For("name"), "name");

    public TextField PhoneField => new("phone", nameof(Phone), HotlineText.PhoneLabel.Current, HotlineText.PhoneHint.Current, Phone, Errors.For("phone"), "tel");

    public TextField EmailField => new("email", nameof(Email), HotlineText.EmailLabel.Current, HotlineText.EmailHint.Current, Email, Errors.For("email"), "email");

    public TextField NeedsField => new("needs", nameof(Needs), HotlineText.NeedsLabel.Current, HotlineText.NeedsHint.Current, Needs, Errors.For("needs"));

    public async Task OnGetAsync()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync();
    }

    /// <summary>The citizen picked a time: hold its seat, then ask for the details.</summary>
    public async Task<IActionResult> OnPostHoldAsync()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        if (string.IsNullOrWhiteSpace(SlotId))
        {
            Errors.Add(SlotFieldId, HotlineText.SlotRequired.Current);
            await LoadAsync();
            return Page();
        }

        try
        {
            var hold = await bookings.HoldSlotAsync(new HoldSlotRequest { SlotId = SlotId }, deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);
            HoldId = hold.HoldId;
            HoldExpiresAt = hold.ExpiresAt.ToDateTimeOffset();
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, FieldIds, SlotFieldId);
            SlotId = null;
        }
        catch (RpcException)
        {
            Errors.Add(SlotFieldId, HotlineText.BookingUnavailable.Current);
            SlotId = null;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostWaitlistAsync()
    {
        var request = WithCitizen(new JoinWaitlistRequest { SessionId = WaitlistSessionId ?? string.Empty });
        return await SubmitAsync(
            deadline => bookings.JoinWaitlistAsync(request, deadline: deadline, cancellationToken: HttpContext.RequestAborted),
            response => ManageModel.LinkTo(response.Booking.Reference, response.ManageToken));
    }

    public async Task<IActionResult> OnPostRequestAsync()
    {
        var request = WithCitizen(new RequestSessionRequest { SessionId = RequestSessionId ?? string.Empty });
        request.SlotIds.AddRange(RequestedSlotIds);
        return await SubmitAsync(
            deadline => bookings.RequestSessionAsync(request, deadline: deadline, cancellationToken: HttpContext.RequestAborted),
            response => ManageModel.LinkTo(response.Booking.Reference, response.ManageToken));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var request = WithCitizen(new CreateBookingRequest { SlotId = SlotId ?? string.Empty, HoldId = HoldId ?? string.Empty });
        return await SubmitAsync(
            deadline => bookings.CreateBookingAsync(request, deadline: deadline, cancellationToken: HttpContext.RequestAborted),
            response => ManageModel.LinkTo(response.Booking.Reference, response.ManageToken, ManageModel.JustBooked));
    }

    /// <summary>The request with what the citizen typed about themselves and their call.</summary>
    private T WithCitizen<T>(T request) where T : ICitizenDetails
    {
        request.Name = Name ?? string.Empty;
        request.Phone = Phone ?? string.Empty;
        request.Email = Email ?? string.Empty;
        request.TopicKind = Kind;
        request.Description = Description ?? string.Empty;
        request.Language = BookingLanguage;
        request.Needs = Needs ?? string.Empty;
        request.Consent = Consent;
        request.IdempotencyKey = IdempotencyKey;
        return request;
    }

    /// <summary>
    /// Sends the form: on success to the booking's manage page; a refusal is shown on its fields, a failure as
    /// "unavailable" on the time, and the form comes back with what was typed.
    /// </summary>
    private async Task<IActionResult> SubmitAsync<TResponse>(Func<DateTime, AsyncUnaryCall<TResponse>> call, Func<TResponse, string> manageLink)
    {
        try
        {
            return Redirect(manageLink(await call(timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout)));
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, FieldIds, SlotFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(SlotFieldId, HotlineText.BookingUnavailable.Current);
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>True when a citizen can book <paramref name="slot"/> of <paramref name="session"/> now.</summary>
    public bool Bookable(Session session, Slot slot) =>
        !session.Cancelled && !AwaitsDraw(session)
        && session.BookingOpensAt.ToDateTimeOffset() <= Now && Now < session.BookingClosesAt.ToDateTimeOffset()
        && slot.StartsAt.ToDateTimeOffset() > Now && Free(slot) > 0;

    /// <summary>Seats neither booked nor held by someone filling in the form.</summary>
    public static int Free(Slot slot) => slot.Capacity - slot.Booked - slot.Held;

    private async Task LoadAsync()
    {
        if (!string.IsNullOrWhiteSpace(DepartmentId))
        {
            var id = DepartmentId.Trim();
            Department = (await calls.CallAsync(HttpContext, nameof(departmentClient.GetDepartment),
                options => departmentClient.GetDepartmentAsync(new GetDepartmentRequest { Id = id }, options)))?.Department;
            if (Department is not null)
            {
                Sessions = (await calls.CallAsync(HttpContext, nameof(schedules.ListSessions),
                    options => schedules.ListSessionsAsync(new ListSessionsRequest { DepartmentId = id, MaxSessions = 3 }, options)))?.Sessions;
                ChosenSlot = string.IsNullOrWhiteSpace(SlotId) ? null : Sessions?.SelectMany(s => s.Slots).FirstOrDefault(s => s.Id == SlotId);
                WaitlistSession = string.IsNullOrWhiteSpace(WaitlistSessionId) ? null : Sessions?.FirstOrDefault(s => s.Id == WaitlistSessionId);
                RequestSession = string.IsNullOrWhiteSpace(RequestSessionId) ? null : Sessions?.FirstOrDefault(s => s.Id == RequestSessionId && TakesRequests(s));
                return;
            }
        }

        if (!string.IsNullOrWhiteSpace(Topic) || Unsure)
        {
            var request = new RouteTopicRequest { Topic = (Topic ?? string.Empty).Trim(), Unsure = Unsure };
            if (request.Topic.Length <= 200)
            {
                Route = await calls.CallAsync(HttpContext, nameof(departmentClient.RouteTopic), options => departmentClient.RouteTopicAsync(request, options));
            }
        }

        Departments = await departments.ListAsync(HttpContext);
    }
}
