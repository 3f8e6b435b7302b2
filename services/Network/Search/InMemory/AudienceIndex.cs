using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Civic.Network.ResourcePersons;

namespace Civic.Network.Search.InMemory;

/// <summary>
/// The search rows of one audience in memory: rows numbered densely in the order they were added, postings per lexeme
/// (row numbers ascending, each with the lexeme's <see cref="TsRank.Term"/> in that row), the lexemes sorted so that the
/// lexemes a prefix begins are one range, and per row what filters, ranking and facets read, as numbers.
/// A changed profile's row is replaced by a new row at the end (the old one becomes a gap), so postings stay sorted by
/// appending. Answers <see cref="SearchQuery"/> exactly as PostgresSearchIndex's statement does. Not thread-safe:
/// <see cref="ProfileSearchIndex"/> guards it.
/// </summary>
internal sealed class AudienceIndex
{
    private readonly Dictionary<string, int> _lexemeNumbers = new(StringComparer.Ordinal);
    private readonly List<Postings> _postings = [];

    // The lexemes in byte order (ordinal order of their UTF-16 text is the same for them), and their numbers.
    private readonly List<string> _sortedLexemes = [];
    private readonly List<int> _sortedNumbers = [];
    private bool _sorted = true;

    // The rows, one column each (a search reads a few fields of thousands of rows: adjacent in memory, not one object
    // each). A null person id is a gap: the row was replaced or removed.
    private readonly List<string?> _personIds = [];
    private readonly List<int> _organisation = [];
    private readonly List<int> _available = [];
    private readonly List<int> _completedAssignments = [];
    private readonly List<int> _feedbackPoints = [];
    private readonly List<bool> _stale = [];
    private readonly IntLists _competences = new();
    private readonly IntLists _broadCompetences = new();
    private readonly IntLists _areas = new();
    private readonly IntLists _lowerAreas = new();
    private readonly IntLists _languages = new();

    // The lexemes of each "other" competence; null for the many rows without any.
    private readonly List<int[][]?> _others = [];
    private readonly Dictionary<string, int> _rowOfPerson = new(StringComparer.Ordinal);

    private readonly ValueNumbers _organisationNumbers = new();
    private readonly ValueNumbers _competenceNumbers = new();
    private readonly ValueNumbers _areaNumbers = new();
    private readonly ValueNumbers _lowerAreaNumbers = new();
    private readonly ValueNumbers _languageNumbers = new();

    public int LiveRows => _rowOfPerson.Count;

    /// <summary>Rows replaced or removed since the index was built: memory that only a rebuild gives back.</summary>
    public int Gaps => _personIds.Count - _rowOfPerson.Count;

    public int Lexemes => _lexemeNumbers.Count;

    /// <summary>
    /// An empty index to <see cref="Add"/> a build's rows to, one at a time as they are read; until <see cref="EndBuild"/>,
    /// it keeps the lexemes unsorted (sorted once at the end rather than on every new lexeme) and cannot be searched.
    /// </summary>
    public static AudienceIndex StartBuild() => new() { _sorted = false };

    /// <summary>Sorts the lexemes and gives back what the build's growing lists hold beyond their rows.</summary>
    public void EndBuild()
    {
        SortLexemes();
        foreach (var postings in _postings)
        {
            postings.Trim();
        }

        _postings.TrimExcess();
        _personIds.TrimExcess();
        _organisation.TrimExcess();
        _available.TrimExcess();
        _completedAssignments.TrimExcess();
        _feedbackPoints.TrimExcess();
        _stale.TrimExcess();
        _others.TrimExcess();
        foreach (var lists in new[] { _competences, _broadCompetences, _areas, _lowerAreas, _languages })
        {
            lists.TrimExcess();
        }
    }

    /// <summary>Removes <paramref name="personId"/>'s row, if any.</summary>
    public void Remove(string personId)
    {
        if (_rowOfPerson.Remove(personId, out var number))
        {
            _personIds[number] = null;
        }
    }

    /// <summary>Adds a row (after <see cref="Remove"/> of the person's old one).</summary>
    public void Add(SearchRowData data)
    {
        var number = _personIds.Count;
        foreach (var (lexeme, term) in data.Lexemes)
        {
            _postings[LexemeNumber(lexeme)].Add(number, term);
        }

        _personIds.Add(data.PersonId);
        _organisation.Add(data.Organisation.Length == 0 ? -1 : _organisationNumbers.NumberOf(data.Organisation));
        _available.Add(Math.Max(0, data.CapacityHours - data.BookedHours));
        _completedAssignments.Add(data.CompletedAssignments);
        _feedbackPoints.Add(data.FeedbackPoints);
        _stale.Add(data.Stale);
        _competences.Add(_competenceNumbers.NumbersOf(data.CompetenceIds.Distinct(StringComparer.Ordinal)));
        _broadCompetences.Add(_competenceNumbers.NumbersOf(data.BroadCompetenceIds));
        _areas.Add(_areaNumbers.NumbersOf(data.ChallengeAreas));
        _lowerAreas.Add(_lowerAreaNumbers.NumbersOf(data.ChallengeAreas.Select(a => a.ToLowerInvariant())));
        _languages.Add(_languageNumbers.NumbersOf(data.Languages));
        _others.Add(data.OtherCompetenceLexemes.Length == 0 ? null : data.OtherCompetenceLexemes.Select(lexemes => lexemes.Select(LexemeNumber).ToArray()).ToArray());
        _rowOfPerson[data.PersonId] = number;
    }

    /// <summary>
    /// One page: <paramref name="lexemes"/> are the query's lexemes as PostgreSQL's to_tsquery('danish', …) gave them,
    /// sorted by byte order and each once (ts_rank's order), each matching the lexemes it begins; null: no words, everyone.
    /// </summary>
    public SearchPage Search(IReadOnlyList<string>? lexemes, SearchQuery query)
    {
        var filter = new RowFilter(this, query.Filters);
        var matchedLexemes = new HashSet<int>();
        var matches = lexemes is null ? Everyone(filter) : Matching(lexemes, filter, matchedLexemes);
        var textScale = query.After?.TextScale ?? (matches.Count == 0 ? 0 : matches.Max(m => (double)m.Rank));

        var matchedCompetences = new bool[_competenceNumbers.Count];
        if (lexemes is not null)
        {
            foreach (var id in SearchRanking.MatchedCompetences(query.Stems))
            {
                if (_competenceNumbers.TryNumberOf(id, out var number))
                {
                    matchedCompetences[number] = true;
                }
            }
        }

        var facets = new FacetCounter(this);
        var best = new PriorityQueue<Hit, Hit>(query.Limit + 1, WorstFirst.Instance);
        var personIds = CollectionsMarshal.AsSpan(_personIds);
        var available = CollectionsMarshal.AsSpan(_available);
        var completed = CollectionsMarshal.AsSpan(_completedAssignments);
        var feedback = CollectionsMarshal.AsSpan(_feedbackPoints);
        var stale = CollectionsMarshal.AsSpan(_stale);
        foreach (var (row, rank) in matches)
        {
            facets.Count(row);
            var competenceMatches = lexemes is null ? 0 : CompetenceMatches(row, matchedCompetences, matchedLexemes);
            var text = textScale > 0 ? rank / textScale : 0;
            var score = SearchRanking.ScoreKey(SearchRanking.Score(competenceMatches, text, available[row], completed[row], feedback[row], stale[row]));
            var personId = personIds[row]!;
            if (query.After is { } after && !(score < after.ScoreKey || (score == after.ScoreKey && string.CompareOrdinal(personId, after.Id) > 0)))
            {
                continue;
            }

            var hit = new Hit(score, personId, available[row]);
            if (best.Count < query.Limit)
            {
                best.Enqueue(hit, hit);
            }
            else if (query.Limit > 0 && WorstFirst.Instance.Compare(hit, best.Peek()) > 0)
            {
                best.DequeueEnqueue(hit, hit);
            }
        }

        var hits = new List<SearchHit>(best.Count);
        while (best.TryDequeue(out var hit, out _))
        {
            hits.Add(new SearchHit(new ResourcePerson { Id = hit.PersonId, DisplayName = string.Empty, Organisation = string.Empty }, hit.Available, hit.Score));
        }

        hits.Reverse();
        return new SearchPage(hits, matches.Count, SearchFacets.Arrange(facets.Counts()), textScale);
    }

    /// <summary>An estimate of the memory the index holds (arrays and strings; object headers roughly).</summary>
    public long ApproximateBytes() =>
        _postings.Sum(p => 32L + (8L * p.Capacity))
        + _lexemeNumbers.Keys.Sum(l => 40L + (2L * l.Length)) + (_lexemeNumbers.Count * 40L)
        + _personIds.Sum(id => id is null ? 8L : 8 + 40 + (2L * id.Length))
        + (_personIds.Count * (4L + 4 + 4 + 4 + 1 + 8))
        + _others.Sum(o => o is null ? 0 : o.Sum(l => 24 + (4L * l.Length)))
        + _competences.ApproximateBytes() + _broadCompetences.ApproximateBytes() + _areas.ApproximateBytes() + _lowerAreas.ApproximateBytes() + _languages.ApproximateBytes()
        + (_rowOfPerson.Count * 24L)
        + _organisationNumbers.ApproximateBytes() + _competenceNumbers.ApproximateBytes() + _areaNumbers.ApproximateBytes() + _lowerAreaNumbers.ApproximateBytes() + _languageNumbers.ApproximateBytes();

    private List<Match> Everyone(RowFilter filter)
    {
        var matches = new List<Match>();
        for (var row = 0; row < _personIds.Count; row++)
        {
            if (_personIds[row] is not null && filter.Accepts(row))
            {
                matches.Add(new Match(row, 0));
            }
        }

        return matches;
    }

    /// <summary>The rows with a lexeme one of <paramref name="lexemes"/> begins, with their ts_rank; those lexemes go to <paramref name="matchedLexemes"/>.</summary>
    private List<Match> Matching(IReadOnlyList<string> lexemes, RowFilter filter, HashSet<int> matchedLexemes)
    {
        var matches = new List<Match>();
        if (lexemes.Count == 0)
        {
            return matches;
        }

        // ts_rank's sums, per row; a row's sum is never 0 once a lexeme matched (every weight is positive).
        var sums = ArrayPool<float>.Shared.Rent(_personIds.Count);
        var touched = new List<int>();
        var personIds = CollectionsMarshal.AsSpan(_personIds);
        try
        {
            Array.Clear(sums, 0, _personIds.Count);
            foreach (var lexeme in lexemes)
            {
                for (var i = LowerBound(lexeme); i < _sortedLexemes.Count && _sortedLexemes[i].StartsWith(lexeme, StringComparison.Ordinal); i++)
                {
                    matchedLexemes.Add(_sortedNumbers[i]);
                    var postings = _postings[_sortedNumbers[i]];
                    for (var k = 0; k < postings.Count; k++)
                    {
                        var row = postings.Rows[k];
                        if (personIds[row] is null)
                        {
                            continue;
                        }

                        var sum = sums[row];
                        if (sum == 0)
                        {
                            touched.Add(row);
                        }

                        sums[row] = TsRank.Add(sum, postings.Terms[k]);
                    }
                }
            }

            foreach (var row in touched)
            {
                if (filter.Accepts(row))
                {
                    matches.Add(new Match(row, TsRank.Finish(sums[row], lexemes.Count)));
                }
            }

            return matches;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sums);
        }
    }

    /// <summary>Matching taxonomy competences (each once) plus "other" competences with a lexeme the query begins, as the SQL counts them.</summary>
    private int CompetenceMatches(int row, bool[] matchedCompetences, HashSet<int> matchedLexemes)
    {
        var count = 0;
        foreach (var competence in _competences.Of(row))
        {
            if (competence < matchedCompetences.Length && matchedCompetences[competence])
            {
                count++;
            }
        }

        if (_others[row] is { } others)
        {
            // Loops, not LINQ: this runs for every match, and the lambdas would be allocated each time.
            foreach (var lexemes in others)
            {
                foreach (var lexeme in lexemes)
                {
                    if (matchedLexemes.Contains(lexeme))
                    {
                        count++;
                        break;
                    }
                }
            }
        }

        return count;
    }

    private int LexemeNumber(string lexeme)
    {
        if (_lexemeNumbers.TryGetValue(lexeme, out var number))
        {
            return number;
        }

        number = _postings.Count;
        _lexemeNumbers.Add(lexeme, number);
        _postings.Add(new Postings());
        if (_sorted)
        {
            var at = LowerBound(lexeme);
            _sortedLexemes.Insert(at, lexeme);
            _sortedNumbers.Insert(at, number);
        }

        return number;
    }

    private void SortLexemes()
    {
        var sorted = _lexemeNumbers.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        _sortedLexemes.AddRange(sorted.Select(l => l.Key));
        _sortedNumbers.AddRange(sorted.Select(l => l.Value));
        _sorted = true;
    }

    private int LowerBound(string lexeme)
    {
        var at = _sortedLexemes.BinarySearch(lexeme, StringComparer.Ordinal);
        return at >= 0 ? at : ~at;
    }

    private readonly record struct Match(int Row, float Rank);

    private readonly record struct Hit(long Score, string PersonId, int Available);

    /// <summary>The page's order is score down, id (bytes) up; the heap keeps the worst of the best at its top.</summary>
    private sealed class WorstFirst : IComparer<Hit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Hit x, Hit y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : string.CompareOrdinal(y.PersonId, x.PersonId);
    }

    /// <summary>Row numbers and terms of one lexeme, appended in row order.</summary>
    private sealed class Postings
    {
        public int[] Rows { get; private set; } = [];

        public float[] Terms { get; private set; } = [];

        public int Count { get; private set; }

        public int Capacity => Rows.Length;

        public void Add(int row, float term)
        {
            if (Count == Rows.Length)
            {
                var capacity = Math.Max(4, Rows.Length * 2);
                Rows = Resized(Rows, capacity);
                Terms = Resized(Terms, capacity);
            }

            Rows[Count] = row;
            Terms[Count] = term;
            Count++;
        }

        public void Trim()
        {
            Rows = Resized(Rows, Count);
            Terms = Resized(Terms, Count);
        }

        private static T[] Resized<T>(T[] array, int length)
        {
            var resized = new T[length];
            Array.Copy(array, resized, Math.Min(length, array.Length));
            return resized;
        }
    }

    /// <summary>Each row's list of ints (value numbers), stored one after the other.</summary>
    private sealed class IntLists
    {
        // Arrays, not lists: Of runs several times for every match of a search, and a list's indexer and span cost more.
        private int[] _values = [];
        private int _valueCount;
        private int[] _ends = [];
        private int _rows;

        public void Add(int[] values)
        {
            if (_valueCount + values.Length > _values.Length)
            {
                Array.Resize(ref _values, Math.Max(_valueCount + values.Length, Math.Max(16, 2 * _values.Length)));
            }

            if (_rows == _ends.Length)
            {
                Array.Resize(ref _ends, Math.Max(16, 2 * _ends.Length));
            }

            values.CopyTo(_values, _valueCount);
            _valueCount += values.Length;
            _ends[_rows++] = _valueCount;
        }

        public ReadOnlySpan<int> Of(int row)
        {
            var start = row == 0 ? 0 : _ends[row - 1];
            return _values.AsSpan(start, _ends[row] - start);
        }

        public bool AnyIn(int row, HashSet<int> numbers)
        {
            foreach (var value in Of(row))
            {
                if (numbers.Contains(value))
                {
                    return true;
                }
            }

            return false;
        }

        public void TrimExcess()
        {
            Array.Resize(ref _values, _valueCount);
            Array.Resize(ref _ends, _rows);
        }

        public long ApproximateBytes() => 4L * (_values.Length + _ends.Length);
    }

    /// <summary>The query's facet filters as value numbers of this index (a value no row has lets no row pass).</summary>
    private sealed class RowFilter(AudienceIndex index, SearchFilters filters)
    {
        private readonly HashSet<int>? _organisations = filters.Organisations.Count == 0 ? null : index._organisationNumbers.KnownNumbersOf(filters.Organisations);
        private readonly HashSet<int>? _competences = filters.CompetenceIds.Count == 0 ? null : index._competenceNumbers.KnownNumbersOf(filters.CompetenceIds);
        private readonly HashSet<int>? _areas = filters.ChallengeAreas.Count == 0 ? null : index._lowerAreaNumbers.KnownNumbersOf(filters.ChallengeAreas.Select(a => a.ToLowerInvariant()));
        private readonly HashSet<int>? _languages = filters.Languages.Count == 0 ? null : index._languageNumbers.KnownNumbersOf(filters.Languages.Select(l => l.ToString()));

        public bool Accepts(int row) =>
            index._available[row] >= filters.MinAvailableHours
            && (_organisations is null || _organisations.Contains(index._organisation[row]))
            && (_competences is null || index._competences.AnyIn(row, _competences) || index._broadCompetences.AnyIn(row, _competences))
            && (_areas is null || index._lowerAreas.AnyIn(row, _areas))
            && (_languages is null || index._languages.AnyIn(row, _languages));
    }

    /// <summary>The facets over the matches, as the SQL's GROUP BYs count them (every value of a row's lists counts).</summary>
    private sealed class FacetCounter(AudienceIndex index)
    {
        private static readonly int[] HourThresholds = [.. SearchFacets.HourThresholds];
        private readonly int[] _organisations = new int[index._organisationNumbers.Count];
        private readonly int[] _competences = new int[index._competenceNumbers.Count];
        private readonly int[] _areas = new int[index._areaNumbers.Count];
        private readonly int[] _languages = new int[index._languageNumbers.Count];
        private readonly int[] _hours = new int[HourThresholds.Length];

        public void Count(int row)
        {
            if (index._organisation[row] is var organisation and >= 0)
            {
                _organisations[organisation]++;
            }

            foreach (var competence in index._broadCompetences.Of(row))
            {
                _competences[competence]++;
            }

            foreach (var area in index._areas.Of(row))
            {
                _areas[area]++;
            }

            foreach (var language in index._languages.Of(row))
            {
                _languages[language]++;
            }

            var available = index._available[row];
            for (var i = 0; i < HourThresholds.Length; i++)
            {
                if (available >= HourThresholds[i])
                {
                    _hours[i]++;
                }
            }
        }

        public IEnumerable<(string Facet, string Value, int Count)> Counts() =>
            Of(SearchFacets.Organisation, _organisations, index._organisationNumbers)
                .Concat(Of(SearchFacets.Competence, _competences, index._competenceNumbers))
                .Concat(Of(SearchFacets.ChallengeArea, _areas, index._areaNumbers))
                .Concat(Of(SearchFacets.Language, _languages, index._languageNumbers))
                .Concat(_hours.Select((count, i) => (SearchFacets.AvailableHours, HourThresholds[i].ToString(CultureInfo.InvariantCulture), count)));

        private static IEnumerable<(string, string, int)> Of(string facet, int[] counts, ValueNumbers values) =>
            counts.Select((count, number) => (facet, values.ValueOf(number), count)).Where(c => c.count > 0);
    }
}
