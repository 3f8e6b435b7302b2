namespace Civic.Network.Search.InMemory;

/// <summary>
/// PostgreSQL's ts_rank (tsrank.c, calc_rank_or, no normalisation) for the OR-of-prefixes queries search sends, in the
/// same single-precision steps, so the in-memory index ranks bit for bit as PostgresSearchIndex's SQL. A document's rank
/// is, per query lexeme (sorted, each once) and per document lexeme it begins (in lexeme order), the sum of that
/// document lexeme's <see cref="Term"/> divided by π²/6, divided at the end by the number of query lexemes.
/// </summary>
public static class TsRank
{
    /// <summary>The weights of D, C, B and A (PostgreSQL's order), as the SQL passes them; ts_rank reads them as float4.</summary>
    public const string WeightsLiteral = "{0.05, 0.2, 0.4, 1.0}";

    private static readonly float[] Weights = [0.05f, 0.2f, 0.4f, 1.0f];

    private const double PiSquaredOverSix = 1.64493406685;

    /// <summary>What one lexeme of a document adds to its rank for each query lexeme that begins it (before ÷ π²/6).</summary>
    public static float Term(TsVectorBinary.Lexeme lexeme)
    {
        // A lexeme without positions counts as one at position 0, weight D (tsrank.c's POSNULL).
        var count = Math.Max(lexeme.Count, 1);
        float sum = 0, heaviest = -1;
        var at = 0;
        for (var j = 0; j < count; j++)
        {
            var weight = lexeme.Count == 0 ? Weights[0] : Weights[lexeme.Weight(j)];
            sum += weight / ((j + 1) * (j + 1));
            if (weight > heaviest)
            {
                heaviest = weight;
                at = j;
            }
        }

        return heaviest + sum - (heaviest / ((at + 1) * (at + 1)));
    }

    /// <summary>The running rank after one more matching document lexeme (float + double, stored as float, as in C).</summary>
    public static float Add(float rank, float term) => (float)(rank + (term / PiSquaredOverSix));

    public static float Finish(float rank, int queryLexemes) => rank / queryLexemes;
}
