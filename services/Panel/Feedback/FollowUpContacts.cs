using Microsoft.Extensions.Options;

namespace Civic.Panel.Feedback;

/// <summary>
/// Panel:FollowUp settings: the staff addresses that escalations of missing feedback go to. They live in
/// configuration, not in the panel's data: they are the municipality's staff directory (who coordinates, who
/// heads a department), which tokens do not carry and the panel does not own.
/// </summary>
public sealed class FollowUpContactOptions
{
    public const string SectionName = "Panel:FollowUp";

    /// <summary>An employee's subject (the "sub" of their token, as stored in FinalisedBy) → their e-mail address.</summary>
    public Dictionary<string, string> CoordinatorEmails { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A department's code (as a case's owning department) → the e-mail address of its head.</summary>
    public Dictionary<string, string> DepartmentHeadEmails { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The panel secretariat: gets an escalation whose coordinator or department head has no address here, so none is lost.</summary>
    public string? SecretariatEmail { get; set; }
}

/// <summary>Finds the address an escalation goes to: the named person's, else the secretariat's, else none.</summary>
public sealed class FollowUpContacts(IOptions<FollowUpContactOptions> options)
{
    public string? CoordinatorEmail(string subject) => Find(options.Value.CoordinatorEmails, subject);

    public string? DepartmentHeadEmail(string department) => Find(options.Value.DepartmentHeadEmails, department);

    private string? Find(Dictionary<string, string> addresses, string key) =>
        addresses.TryGetValue(key, out var address) && !string.IsNullOrWhiteSpace(address) ? address.Trim()
        : string.IsNullOrWhiteSpace(options.Value.SecretariatEmail) ? null
        : options.Value.SecretariatEmail.Trim();
}
