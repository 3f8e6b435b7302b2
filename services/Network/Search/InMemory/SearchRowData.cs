namespace Civic.Network.Search.InMemory;

/// <summary>
/// One row of resource_person_search as the in-memory index takes it (<see cref="SearchRowReader"/>): the document's
/// lexemes with their <see cref="TsRank.Term"/>, the lexemes of each "other" competence (as to_tsvector('danish', …)
/// gives them), the fields search filters, ranks and counts by (already redacted for the row's audience), and the
/// hours booked in the month the index is for.
/// </summary>
public sealed record SearchRowData(
    string PersonId,
    SearchAudience Audience,
    IReadOnlyList<(string Lexeme, float Term)> Lexemes,
    string Organisation,
    string[] CompetenceIds,
    string[] BroadCompetenceIds,
    string[][] OtherCompetenceLexemes,
    string[] ChallengeAreas,
    string[] Languages,
    int CapacityHours,
    int BookedHours,
    int CompletedAssignments,
    int FeedbackPoints,
    bool Stale);
