using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Civic.Network.Capacity;
using Civic.Network.Notifications;
using Civic.Network.ResourcePersons;
using Civic.Network.Search;
using Civic.Network.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Requests;

/// <summary>Which of the caller's requests to list.</summary>
public enum HelpRequestView
{
    RequestedByMe,
    AskedOfMe,
    AwaitingMyApproval,
    Queue,
}

/// <summary>
/// The request flow: ask (a named person or the queue) → assign → the person answers → their
/// manager approves and the hours are booked → the requester completes with feedback.
/// </summary>
public sealed class HelpRequestDesk(NetworkDbContext db, CapacityLedger ledger, ResourcePersonDirectory directory, NetworkMessages messages, TimeProvider timeProvider)
{
    /// <summary>Requests are dated in Copenhagen, where the municipality is.</summary>
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), Copenhagen).DateTime);

    public async Task<HelpRequest> CreateAsync(NewHelpRequest request, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var valid = HelpRequestRules.Validate(request, Today);
        var person = valid.PersonId is null ? null : await FindPersonAsync(valid.PersonId, "person_id", cancellationToken);
        var now = timeProvider.GetStoredUtcNow();
        var created = new HelpRequest
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Need = valid.Need,
            CompetenceIds = [.. valid.CompetenceIds],
            StartDate = valid.StartDate,
            EndDate = valid.EndDate,
            Hours = valid.Hours,
            Language = valid.Language,
            PersonId = person?.Id,
            PersonName = person?.DisplayName ?? string.Empty,
            Status = person is null ? HelpRequestStatus.Queued : HelpRequestStatus.Proposed,
            RequesterId = caller.UserId,
            RequesterName = caller.Name,
            RequesterDepartment = caller.Department,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.HelpRequests.Add(created);
        if (person is not null)
        {
            messages.RequestSent(created, person, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>One request, for those involved: requester, the person asked, their manager, coordinators.</summary>
    public async Task<HelpRequest> GetAsync(string id, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken, tracked: false);
        var person = request.PersonId is null ? null : await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (!caller.IsCoordinatorOrAdmin && caller.UserId != request.RequesterId && caller.UserId != person?.OwnerId && caller.UserId != person?.ManagerId)
        {
            throw new PermissionDeniedException(
                "Only the requester, the person asked, their manager and network coordinators may see this request.",
                "Kun den der har spurgt, personen der er spurgt, personens leder og netværkskoordinatorer må se anmodningen.");
        }

        return request;
    }

    public async Task<Page<HelpRequest>> ListAsync(HelpRequestView view, NetworkCaller caller, PageQuery page, CancellationToken cancellationToken)
    {
        IQueryable<HelpRequest> requests = db.HelpRequests.AsNoTracking();
        requests = view switch
        {
            HelpRequestView.RequestedByMe => requests.Where(r => r.RequesterId == caller.UserId),
            HelpRequestView.AskedOfMe => requests.Where(r => db.ResourcePersons.Any(p => p.Id == r.PersonId && p.OwnerId == caller.UserId)
                && (r.Status == HelpRequestStatus.Proposed || r.Status == HelpRequestStatus.Accepted || r.Status == HelpRequestStatus.Approved)),
            HelpRequestView.AwaitingMyApproval => requests.Where(r => r.Status == HelpRequestStatus.Accepted
                && db.ResourcePersons.Any(p => p.Id == r.PersonId && p.ManagerId == caller.UserId)),
            _ when caller.IsCoordinatorOrAdmin => requests.Where(r => r.Status == HelpRequestStatus.Queued),
            _ => throw new PermissionDeniedException("Only network coordinators see the queue.", "Kun netværkskoordinatorer ser køen."),
        };
        var total = await requests.CountAsync(cancellationToken);
        var items = await requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip(page.Offset).Take(page.FetchCount).ToListAsync(cancellationToken);
        return page.ToPage(items, total);
    }

    /// <summary>
    /// Opted-in people with the competences asked for (or their specialisations), the language and
    /// the hours free this month, ranked by <see cref="SearchRanking"/> on the competences' names:
    /// among equal matches, more free hours and more evidence rank first, which spreads the load.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SuggestAsync(string id, int limit, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var request = await GetAsync(id, caller, cancellationToken);
        var words = request.CompetenceIds.Select(CompetenceTaxonomy.Find).OfType<Competence>()
            .SelectMany(c => DanishText.Words(c.Name)).Where(w => !DanishText.IsStopWord(w)).Distinct(StringComparer.Ordinal)
            .Take(ResourcePersonRules.MaxQueryWords);
        var filters = new SearchFilters([], request.CompetenceIds, [], [request.Language], request.Hours);
        var result = await directory.SearchAsync(string.Join(' ', words), filters, includeInternal: true, limit, null, cancellationToken);
        return result.Items;
    }

    /// <summary>A coordinator sends a queued (or unanswered) request to a person.</summary>
    public async Task<HelpRequest> AssignAsync(string id, string personId, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        if (!caller.IsCoordinatorOrAdmin)
        {
            throw new PermissionDeniedException("Only network coordinators assign requests.", "Kun netværkskoordinatorer fordeler anmodninger.");
        }

        RequireStatus(request, HelpRequestStatus.Queued, HelpRequestStatus.Proposed);
        var person = await FindPersonAsync(personId, "person_id", cancellationToken);
        request.PersonId = person.Id;
        request.PersonName = person.DisplayName;
        request.Status = HelpRequestStatus.Proposed;
        messages.RequestSent(request, person, timeProvider.GetStoredUtcNow());
        await SaveAsync(request, cancellationToken);
        return request;
    }

    /// <summary>The person asked answers; declining or being unavailable returns the request to the queue.</summary>
    public async Task<HelpRequest> RespondAsync(string id, HelpResponse response, NetworkCaller caller, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        var person = request.PersonId is null ? null : await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (person is null || person.OwnerId != caller.UserId)
        {
            throw new PermissionDeniedException("Only the person the request was sent to may answer it.", "Kun den person, anmodningen er sendt til, kan svare på den.");
        }

        RequireStatus(request, HelpRequestStatus.Proposed);
        if (response == HelpResponse.Accept)
        {
            request.Status = HelpRequestStatus.Accepted;
            messages.ApprovalNeeded(request, person, timeProvider.GetStoredUtcNow());
        }
        else
        {
            request.Status = HelpRequestStatus.Queued;
            request.PersonId = null;
            request.PersonName = string.Empty;
        }

        request.LastResponse = response;
        await SaveAsync(request, cancellationToken);
        return request;
    }

    /// <summary>
    /// The person's manager — nobody else — approves the hours of an accepted request; they are
    /// booked in the month the request starts, in the same transaction as the approval.
    /// </summary>
    public async Task<HelpRequest> ApproveAsync(string id, int hours, NetworkCaller caller, CancellationToken cancellationToken)
    {
        if (hours <= 0)
        {
            throw new ValidationException("hours", "Give the hours you approve (the request's hours).", "Angiv de timer, du godkender (anmodningens timer).");
        }

        var request = await FindAsync(id, cancellationToken, tracked: false);
        var person = request.PersonId is null ? null : await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (person is null || person.ManagerId.Length == 0 || person.ManagerId != caller.UserId)
        {
            throw new PermissionDeniedException(
                "Only the resource person's manager may approve their hours.",
                "Kun ressourcepersonens leder kan godkende personens timer.");
        }

        RequireStatus(request, HelpRequestStatus.Accepted);
        if (hours != request.Hours)
        {
            throw new FailedPreconditionException(
                $"The request is for {request.Hours} hours, not {hours}. Reload it and approve what it asks for.",
                $"Anmodningen gælder {request.Hours} timer, ikke {hours}. Hent den igen, og godkend det, den beder om.");
        }

        var month = CapacityMonth.MonthOf(request.StartDate);
        var now = timeProvider.GetStoredUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await ledger.TryBookAsync(person.Id, month, request.Hours, person.CapacityHoursPerMonth, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                var left = Math.Max(0, person.CapacityHoursPerMonth - await ledger.BookedAsync(person.Id, month, cancellationToken));
                throw new FailedPreconditionException(
                    $"{person.DisplayName} has {left} of {person.CapacityHoursPerMonth} hours left in {month}; the request needs {request.Hours}. Agree on fewer hours or another month.",
                    $"{person.DisplayName} har {left} af {person.CapacityHoursPerMonth} timer tilbage i {month}; anmodningen kræver {request.Hours}. Aftal færre timer eller en anden måned.");
            }

            var approved = await db.HelpRequests
                .Where(r => r.Id == request.Id && r.Status == HelpRequestStatus.Accepted)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, HelpRequestStatus.Approved).SetProperty(r => r.UpdatedAt, now), cancellationToken);
            if (approved != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw NotAwaiting(request, HelpRequestStatus.Accepted);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        request.Status = HelpRequestStatus.Approved;
        request.UpdatedAt = now;
        return request;
    }

    /// <summary>The requester completes an approved request; the rating becomes the person's evidence.</summary>
    public async Task<HelpRequest> CompleteAsync(string id, int rating, string feedback, NetworkCaller caller, CancellationToken cancellationToken)
    {
        HelpRequestRules.ValidateCompletion(rating, feedback);
        var request = await FindAsync(id, cancellationToken);
        if (request.RequesterId != caller.UserId)
        {
            throw new PermissionDeniedException("Only the requester completes a request.", "Kun den der har spurgt, kan afslutte anmodningen.");
        }

        RequireStatus(request, HelpRequestStatus.Approved);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        request.Status = HelpRequestStatus.Completed;
        request.Rating = rating;
        request.Feedback = feedback.Trim();
        request.UpdatedAt = timeProvider.GetStoredUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await db.ResourcePersons.Where(p => p.Id == request.PersonId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.CompletedAssignments, p => p.CompletedAssignments + 1)
                .SetProperty(p => p.FeedbackPoints, p => p.FeedbackPoints + rating), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    private async Task SaveAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        request.UpdatedAt = timeProvider.GetStoredUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void RequireStatus(HelpRequest request, params HelpRequestStatus[] allowed)
    {
        if (!allowed.Contains(request.Status))
        {
            throw NotAwaiting(request, allowed[0]);
        }
    }

    private static FailedPreconditionException NotAwaiting(HelpRequest request, HelpRequestStatus expected) => new(
        $"The request is {request.Status.ToString().ToLowerInvariant()}, so it cannot be handled as {expected.ToString().ToLowerInvariant()} now. Reload it to see where it stands.",
        $"Anmodningen har status '{StatusDa(request.Status)}' og kan ikke behandles som '{StatusDa(expected)}' nu. Hent den igen for at se, hvor den står.");

    public static string StatusDa(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Queued => "i kø",
        HelpRequestStatus.Proposed => "sendt til person",
        HelpRequestStatus.Accepted => "accepteret",
        HelpRequestStatus.Approved => "godkendt",
        _ => "afsluttet",
    };

    private async Task<HelpRequest> FindAsync(string id, CancellationToken cancellationToken, bool tracked = true)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException("id", "The request's id is required.", "Anmodningens id skal udfyldes.");
        }

        var requests = tracked ? db.HelpRequests : db.HelpRequests.AsNoTracking();
        return await requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No request has id '{id}'.", $"Der findes ingen anmodning med id '{id}'.");
    }

    private async Task<ResourcePerson> FindPersonAsync(string personId, string field, CancellationToken cancellationToken)
    {
        var person = await db.ResourcePersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || !person.OptedIn)
        {
            throw new ValidationException(field,
                $"'{personId}' is not a resource person who takes requests. Search the network for the right id, or leave it empty for the coordinators' queue.",
                $"'{personId}' er ikke en ressourceperson, der tager imod anmodninger. Søg i netværket efter det rigtige id, eller lad feltet være tomt for at sende til koordinatorernes kø.");
        }

        return person;
    }
}
