using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Pool;

/// <summary>A sign-up just received: the pending member and the confirmation link's token (sent by e-mail, never stored).</summary>
public sealed record SignUpReceipt(PoolMember Member, string ConfirmationToken, DateTimeOffset ConfirmBy);

/// <summary>A member just made active, with their member link's token.</summary>
public sealed record MemberWithLink(PoolMember Member, string MemberToken);

/// <summary>Takes volunteers into the pool: online sign-up with e-mail confirmation, and assisted sign-up by staff.</summary>
public sealed class SignUpDesk(PanelDbContext db, MemberLinks links, MemberMessages messages, AuditLog audit, IOptions<PoolOptions> options, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<FeatureSchemaValue>> SchemaAsync(CancellationToken cancellationToken) =>
        await db.FeatureSchema.AsNoTracking().OrderBy(v => v.Category).ThenBy(v => v.Value).ToListAsync(cancellationToken);

    /// <summary>Records a pending member with their consent and queues the confirmation e-mail, in one transaction.</summary>
    public async Task<SignUpReceipt> SignUpAsync(MemberDetails details, CancellationToken cancellationToken)
    {
        var valid = SignUpRules.Validate(details, await SchemaAsync(cancellationToken), assisted: false);
        var member = NewMember(valid, PoolMemberStatus.Pending, consentGivenTo: null);
        db.PoolMembers.Add(member);
        var (token, expiresAt) = await links.IssueAsync(member, MemberLinkPurpose.Confirm, cancellationToken);
        messages.ConfirmSignUp(member, expiresAt);
        audit.Changed("member.sign-up", "member", member.Id, "Online sign-up with consent " + member.ConsentTextVersion);
        await db.SaveChangesAsync(cancellationToken);
        return new SignUpReceipt(member, token, expiresAt);
    }

    /// <summary>Opens the confirmation link: the member becomes active, the link is used up, and a member link is issued.</summary>
    public async Task<MemberWithLink> ConfirmAsync(string memberId, string token, CancellationToken cancellationToken)
    {
        var (member, link) = await links.OpenAsync(memberId, token, MemberLinkPurpose.Confirm, cancellationToken);
        member.Status = PoolMemberStatus.Active;
        member.ConfirmedAt = timeProvider.GetStoredUtcNow();
        db.MemberLinks.Remove(link);
        var (memberToken, _) = await links.IssueAsync(member, MemberLinkPurpose.Member, cancellationToken);
        messages.Welcome(member);
        audit.Changed("member.confirm", "member", member.Id, "The member opened the confirmation link", AuditActors.Member);
        await db.SaveChangesAsync(cancellationToken);
        return new MemberWithLink(member, memberToken);
    }

    /// <summary>Staff register a volunteer who is not online; consent is given to the calling employee and the member is active at once.</summary>
    public async Task<MemberWithLink> RegisterAssistedAsync(MemberDetails details, string employee, CancellationToken cancellationToken)
    {
        var valid = SignUpRules.Validate(details, await SchemaAsync(cancellationToken), assisted: true);
        var member = NewMember(valid, PoolMemberStatus.Active, employee);
        member.ConfirmedAt = member.CreatedAt;
        db.PoolMembers.Add(member);
        var (memberToken, _) = await links.IssueAsync(member, MemberLinkPurpose.Member, cancellationToken);
        messages.Welcome(member);
        audit.Changed("member.sign-up-assisted", "member", member.Id, "Assisted sign-up; consent given to " + employee);
        await db.SaveChangesAsync(cancellationToken);
        return new MemberWithLink(member, memberToken);
    }

    /// <summary>A member's personal data for an employee, with the reason written to the audit log before it is returned.</summary>
    public async Task<PoolMember> GetForStaffAsync(string id, string reason, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("id", id, "the member id", "medlemmets id")
            .Required("reason", reason, "the reason for reading the member's personal data", "begrundelsen for at se medlemmets personoplysninger")
            .MaxLength("reason", reason.Trim(), 500, "the reason", "begrundelsen")
            .ThrowIfAny();
        var member = await db.PoolMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id.Trim() && m.Status != PoolMemberStatus.Withdrawn, cancellationToken)
            ?? throw new NotFoundException($"No member of the pool has id '{id.Trim()}'.", $"Intet medlem af puljen har id '{id.Trim()}'.");
        await audit.ReadAsync("member.read", "member", member.Id, reason.Trim(), cancellationToken);
        return member;
    }

    private PoolMember NewMember(MemberDetails valid, PoolMemberStatus status, string? consentGivenTo)
    {
        var now = timeProvider.GetStoredUtcNow();
        return new PoolMember
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Name = valid.Name,
            Email = valid.Email,
            Phone = valid.Phone.Length == 0 ? null : valid.Phone,
            Features = new Dictionary<string, string>(valid.Features, StringComparer.Ordinal),
            Availability = valid.Availability,
            Languages = [.. valid.Languages],
            Status = status,
            CreatedAt = now,
            ConsentTextVersion = ConsentText.CurrentVersion,
            ConsentScope = ConsentText.Scope,
            ConsentGivenAt = now,
            ConsentGivenTo = consentGivenTo,
            ConsentExpiresAt = now.AddMonths(options.Value.ConsentMonths),
        };
    }
}
