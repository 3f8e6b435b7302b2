using Civic.Contracts.Panel.V1;

namespace Civic.Gateway.Pages.Panel;

/// <summary>A case's checklist as <c>_CaseChecklist</c> shows it: the list's id (its heading is "{Id}-title") and its items.</summary>
public sealed record CaseChecklistView(string Id, IReadOnlyList<ChecklistItem> Items);
