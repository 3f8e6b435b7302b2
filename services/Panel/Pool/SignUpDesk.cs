using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Pool;

/// <summary>A sign-up just received: the member it concerns and when the link in the e-mail stops working.</summary>
public sealed record SignUpReceipt(string MemberId, DateTimeOffset ConfirmBy);

/// <summary>A member just made active, with their member link's token.</summary>
public sealed record MemberWithLink(PoolMember Member, string MemberToken);

/// <summary>Takes volunteers into the pool: online sign-up with e-mail confirmation, and assisted sign-up by staff.</summary>
public sealed class SignUpDesk(PanelDbContext db, FeatureSchemaEditor schema, MemberLinks links, MemberMessages messages, AuditLog audit, IOptions<PoolOptions> options, TimeProvider timeProvider)
{
    /// <summary>What sign-up offers: the values and categories of the feature schema that are not retired.</summary>
    public async Task<IReadOnlyList<FeatureSchemaValue>> OfferedSchemaAsync(CancellationToken cancellationToken) =>
        (await schema.LoadAsync(cancellationToken)).OfferedValues;

    /// <summary>
    /// Records a pending member with their consent and queues the confirmation e-mail, in one transaction. An
    /// address already in the pool gets no second membership (one person, one lottery ticket): a pending member
    /// gets a new confirmation link, an active one a reminder with their member link, and nothing they gave
    /// before is changed. The answer is the same either way, so a sign-up tells nobody who is a member.
    /// </summary>
    public async Task<SignUpReceipt> SignUpAsync(MemberDetails details, CancellationToken cancellationToken)
    {
        var valid = SignUpRules.Validate(details, await OfferedSchemaAsync(cancellationToken), assisted: false);
        var email = valid.Email.ToLowerInvariant();
        // ToLower() here is SQL lower() in the query, not .NET's culture-dependent call the analyzers warn about.
#pragma warning disable CA1304, CA1311, CA1862
        var existing = await db.PoolMembers.FirstOrDefaultAsync(m => m.Status != PoolMemberStatus.Withdrawn && m.Email.ToLower() == email, cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        if (existing is not null)
        {
            return await SignUpAgainAsync(existing, cancellationToken);
        }

        var member = NewMember(valid, PoolMemberStatus.Pending, consentGivenTo: null);
        db.PoolMembers.Add(member);
        var (_, expiresAt) = await links.IssueAsync(member, MemberLinkPurpose.Confirm, cancellationToken);
        messages.ConfirmSignUp(member, expiresAt);
        audit.Changed(AuditActions.MemberSignUp, "member", member.Id, "Online sign-up with consent " + member.ConsentTextVersion);
        await db.SaveChangesAsync(cancellationToken);
        return new SignUpReceipt(member.Id, expiresAt);
    }

    private async Task<SignUpReceipt> SignUpAgainAsync(PoolMember member, CancellationToken cancellationToken)
    {
        var confirmBy = timeProvider.GetStoredUtcNow() + options.Value.ConfirmationLinkLifetime;
        if (member.Status == PoolMemberStatus.Pending)
        {
            (_, confirmBy) = await links.IssueAsync(member, MemberLinkPurpose.Confirm, cancellationToken);
            messages.ConfirmSignUp(member, confirmBy);
        }
        else
        {
            messages.AlreadyMember(member);
        }

        audit.Changed(AuditActions.MemberSignUpAgain, "member", member.Id, "A sign-up with the address of a member already in the pool");
        await db.SaveChangesAsync(cancellationToken);
        return new SignUpReceipt(member.Id, confirmBy);
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
        audit.Changed(AuditActions.MemberConfirm, "member", member.Id, "The member opened the confirmation link", AuditActors.Member);
        await db.SaveChangesAsync(cancellationToken);
        return new MemberWithLink(member, memberToken);
    }

    /// <summary>Staff register a volunteer who is not online; consent is given to the calling employee and the member is active at once.</summary>
    public async Task<MemberWithLink> RegisterAssistedAsync(MemberDetails details, string employee, CancellationToken cancellationToken)
    {
        var valid = SignUpRules.Validate(details, await OfferedSchemaAsync(cancellationToken), assisted: true);
        var member = NewMember(valid, PoolMemberStatus.Active, employee);
        member.ConfirmedAt = member.CreatedAt;
        db.PoolMembers.Add(member);
        var (memberToken, _) = await links.IssueAsync(member, MemberLinkPurpose.Member, cancellationToken);
        messages.Welcome(member);
        audit.Changed(AuditActions.MemberSignUpAssisted, "member", member.Id, "Assisted sign-up; consent given to " + employee);
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
        await audit.ReadAsync(AuditActions.MemberRead, "member", member.Id, reason.Trim(), cancellationToken);
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
