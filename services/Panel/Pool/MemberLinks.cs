using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Pool;

/// <summary>Issues member and confirmation links and opens them again.</summary>
public sealed class MemberLinks(PanelDbContext db, MemberLinkTokens tokens, IOptions<PoolOptions> options, TimeProvider timeProvider)
{
    /// <summary>
    /// Adds a link for <paramref name="member"/> to the unit of work and returns its token (the only copy). Tokens
    /// are whole seconds apart: a link asked for again within the same second is the one already issued.
    /// </summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(PoolMember member, MemberLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var lifetime = purpose == MemberLinkPurpose.Confirm ? options.Value.ConfirmationLinkLifetime : options.Value.MemberLinkLifetime;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
        var token = tokens.TokenFor(member.Id, purpose, expiresAt);
        var hash = MemberLinkTokens.Hash(token);
        if (db.MemberLinks.Local.Any(l => l.TokenHash == hash) || await db.MemberLinks.AnyAsync(l => l.TokenHash == hash, cancellationToken))
        {
            return (token, expiresAt);
        }

        db.MemberLinks.Add(new MemberLink { TokenHash = hash, MemberId = member.Id, Purpose = purpose, ExpiresAt = expiresAt, CreatedAt = now });
        return (token, expiresAt);
    }

    /// <summary>
    /// The tracked member whose link this is. A wrong, forged or revoked token, or another member's, answers
    /// NOT_FOUND with one message that tells nothing about the member; an expired one FAILED_PRECONDITION.
    /// </summary>
    public async Task<(PoolMember Member, MemberLink Link)> OpenAsync(string memberId, string token, MemberLinkPurpose purpose, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Required("member_id", memberId, "the member id of the link", "linkets medlems-id")
            .Required("token", token, "the link's token", "linkets nøgle")
            .ThrowIfAny();
        memberId = memberId.Trim();
        token = token.Trim();
        var expiresAt = tokens.VerifiedExpiry(memberId, purpose, token) ?? throw NotFound(purpose);
        if (expiresAt <= timeProvider.GetUtcNow())
        {
            throw purpose == MemberLinkPurpose.Confirm
                ? new FailedPreconditionException("The confirmation link has expired. Sign up again to get a new one.", "Linket til bekræftelse er udløbet. Tilmeld dig igen for at få et nyt.")
                : new FailedPreconditionException("Your member link has expired. Contact the Citizens' Panel to get a new one.", "Dit medlemslink er udløbet. Kontakt Borgerpanelet for at få et nyt.");
        }

        var hash = MemberLinkTokens.Hash(token);
        var link = await db.MemberLinks.SingleOrDefaultAsync(l => l.TokenHash == hash && l.MemberId == memberId && l.Purpose == purpose, cancellationToken);
        var member = link is null ? null : await db.PoolMembers.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (link is null || member is null || member.Status == PoolMemberStatus.Withdrawn)
        {
            // A correctly signed confirmation token whose row is gone was used already (or its sign-up erased).
            throw purpose == MemberLinkPurpose.Confirm && member is null && await db.PoolMembers.AnyAsync(m => m.Id == memberId && m.Status == PoolMemberStatus.Active, cancellationToken)
                ? new FailedPreconditionException("This confirmation link has already been used: your membership is confirmed. Use your member link to see it.",
                    "Linket til bekræftelse er allerede brugt: dit medlemskab er bekræftet. Brug dit medlemslink for at se det.")
                : NotFound(purpose);
        }

        return (member, link);
    }

    private static NotFoundException NotFound(MemberLinkPurpose purpose) => purpose == MemberLinkPurpose.Confirm
        ? new NotFoundException("No sign-up matches this confirmation link. Use the link from the e-mail exactly as it is.",
            "Ingen tilmelding passer til dette link. Brug linket fra e-mailen præcis, som det er.")
        : new NotFoundException("No member matches this link. Use your member link exactly as it is.",
            "Intet medlem passer til dette link. Brug dit medlemslink præcis, som det er.");
}
