using System.Text.Json;
using Civic.Panel.Lottery;

namespace Civic.Panel.Convening;

/// <summary>
/// Everything needed to re-run a draw without the service: the eligible pool as it was (pseudonymous ids,
/// features and household keys only), the problem, the seed and the result. Stored as JSON in panel_draws.
/// </summary>
public sealed record StoredDraw(
    IReadOnlyList<LotteryMember> PoolSnapshot,
    int PanelSize,
    IReadOnlyList<FeatureQuota> Quotas,
    IReadOnlyList<string> Exclusions,
    bool OneMemberPerHousehold,
    LotteryDraw Result)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public LotteryProblem Problem() => new(PoolSnapshot, PanelSize, Quotas, Exclusions, OneMemberPerHousehold);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StoredDraw FromJson(string json) =>
        JsonSerializer.Deserialize<StoredDraw>(json, Json) ?? throw new JsonException("The draw record is empty.");

    /// <summary>Re-runs the recorded draw; also checks that the snapshot still has the recorded hash.</summary>
    public LotteryVerification Verify() => FairLottery.Verify(Problem(), Result);
}

/// <summary>A row of panel_draws.</summary>
public sealed class PanelDrawRecord
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>The <see cref="StoredDraw"/> as JSON.</summary>
    public required string Record { get; init; }

    public required string DrawnBy { get; init; }

    public DateTimeOffset DrawnAt { get; init; }
}
