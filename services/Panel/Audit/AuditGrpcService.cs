using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Audit;

/// <summary>civic.panel.v1.AuditService: administrators read the audit log.</summary>
public sealed class AuditGrpcService(PanelDbContext db) : AuditService.AuditServiceBase
{
    public const string ListScope = "panel.audit";

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var subject = request.SubjectId.Trim();
        var page = PageRequests.Read(request.Page, ListScope + ":" + subject);
        // About or by: a member's id also finds what they did on a case as a panel member (the case is then the subject).
        var entries = subject.Length == 0 ? db.AuditEntries.AsNoTracking() : db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == subject || e.Actor == subject);
        var fetched = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(page.Offset).Take(page.FetchCount).ToListAsync(context.CancellationToken);
        var result = page.ToPage(fetched, await entries.CountAsync(context.CancellationToken));
        var response = new ListAuditEntriesResponse { Page = result.Info };
        response.Entries.AddRange(result.Items.Select(e => new Contracts.Panel.V1.AuditEntry
        {
            Id = e.Id,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            Actor = e.Actor,
            Action = e.Action,
            SubjectType = e.SubjectType,
            SubjectId = e.SubjectId,
            Reason = e.Reason,
        }));
        return response;
    }
}
