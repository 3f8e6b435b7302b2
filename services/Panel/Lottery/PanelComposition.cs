namespace Civic.Panel.Lottery;

/// <summary>A quota-feasible panel described by how many seats each <see cref="MemberType"/> takes.</summary>
public sealed class PanelComposition : IEquatable<PanelComposition>
{
    private readonly int[] _counts;

    public PanelComposition(int[] counts) => _counts = counts;

    /// <summary>Seats per type index.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>The value of the panel under per-person weights (weight of a type divided over its members).</summary>
    public double Value(IReadOnlyList<double> weightPerPerson)
    {
        var sum = 0.0;
        for (var t = 0; t < _counts.Length; t++)
        {
            sum += _counts[t] * weightPerPerson[t];
        }

        return sum;
    }

    public bool Equals(PanelComposition? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as PanelComposition);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in _counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }
}
