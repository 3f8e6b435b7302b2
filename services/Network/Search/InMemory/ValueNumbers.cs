namespace Civic.Network.Search.InMemory;

/// <summary>Numbers the distinct values of one field (0, 1, 2, …), so rows hold ints and facets count into arrays.</summary>
internal sealed class ValueNumbers
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public int NumberOf(string value)
    {
        if (!_numbers.TryGetValue(value, out var number))
        {
            number = _values.Count;
            _numbers.Add(value, number);
            _values.Add(value);
        }

        return number;
    }

    public bool TryNumberOf(string value, out int number) => _numbers.TryGetValue(value, out number);

    public int[] NumbersOf(IEnumerable<string> values) => values.Select(NumberOf).ToArray();

    /// <summary>The numbers of the values known here; an unknown value has no row, so it is left out.</summary>
    public HashSet<int> KnownNumbersOf(IEnumerable<string> values) =>
        values.Where(_numbers.ContainsKey).Select(v => _numbers[v]).ToHashSet();

    public string ValueOf(int number) => _values[number];

    public long ApproximateBytes() => _values.Sum(v => 40L + (2L * v.Length)) + (_numbers.Count * 24L);
}
