using System.Buffers.Binary;
using System.Text;
using Civic.Network.Search.InMemory;

namespace Civic.Services.FunctionalTests.Network;

/// <summary>
/// tsvectorsend's bytes as the search index reads them (no server: the bytes are built here as tsvector.c writes them),
/// the lexemes' strings shared across documents, and ts_rank's per-lexeme term from the weights.
/// </summary>
public sealed class TsVectorBinaryTests
{
    private const int A = 3, B = 2, D = 0;

    [Fact]
    public void TryRead_DanishLexemesWithWeightsAndPositions_EachAsWritten()
    {
        var bytes = TsVector(("facilit", [(3, A)]), ("fællesskab", [(2, B), (7, D), (16383, A)]), ("ældr", []));

        var vector = new TsVectorBinary(bytes);
        var read = new List<(string Text, (int Position, int Weight)[] Positions)>();
        while (vector.TryRead(out var lexeme))
        {
            var positions = new (int Position, int Weight)[lexeme.Count];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = (lexeme.Position(i), lexeme.Weight(i));
            }

            read.Add((Encoding.UTF8.GetString(lexeme.Utf8), positions));
        }

        Assert.Equal(3, read.Count);
        Assert.Equal("facilit", read[0].Text);
        Assert.Equal([(3, A)], read[0].Positions);
        Assert.Equal("fællesskab", read[1].Text);
        Assert.Equal([(2, B), (7, D), (16383, A)], read[1].Positions);
        Assert.Equal("ældr", read[2].Text);
        Assert.Empty(read[2].Positions);
    }

    [Fact]
    public void TryRead_NoLexemes_NothingRead()
    {
        var vector = new TsVectorBinary(TsVector());
        Assert.Equal(0, vector.Remaining);
        Assert.False(vector.TryRead(out _));
    }

    [Fact]
    public void LexemeStrings_SameLexemeInTwoDocuments_OneString()
    {
        var strings = new LexemeStrings();
        var first = Texts(TsVector(("fællesskab", [(1, A)]), ("kommun", [(2, D)])), strings);
        var second = Texts(TsVector(("fællesskab", [(4, B)])), strings);

        Assert.Equal(["fællesskab", "kommun"], first);
        Assert.Same(first[0], second[0]);
        Assert.Equal(2, strings.Count);
    }

    [Theory]
    [InlineData(new[] { A }, 1.0f)]
    [InlineData(new[] { D }, 0.05f)]
    // The heaviest position counts whole, each other one its weight / (i + 1)², as tsrank.c's calc_rank_or adds them.
    [InlineData(new[] { A, D }, 1.0125f)]
    [InlineData(new[] { D, B, A }, 0.05f + (0.4f / 4) + 1.0f)]
    // A lexeme without positions (a stripped tsvector) counts as one position of weight D.
    [InlineData(new int[0], 0.05f)]
    public void Term_FromWeights_AsTsRank(int[] weights, float expected)
    {
        var vector = new TsVectorBinary(TsVector(("fællesskab", weights.Select((w, i) => (i + 1, w)).ToArray())));
        Assert.True(vector.TryRead(out var lexeme));
        Assert.Equal(expected, TsRank.Term(lexeme), 0.00001f);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 1, (byte)'a', 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 1, (byte)'a', (byte)'b', 0, 1 })]
    [InlineData(new byte[] { 0, 0, 0, 1, (byte)'a', 0, 0, 2, 0, 1 })]
    [InlineData(new byte[] { 0, 0, 0, 1, 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 1, (byte)'a', 0, 0, 0, 9 })]
    [InlineData(new byte[] { 0x7F, 0, 0, 0, (byte)'a', 0, 0, 0 })]
    public void TryRead_Malformed_FormatException(byte[] bytes) =>
        Assert.Throws<FormatException>(() =>
        {
            var vector = new TsVectorBinary(bytes);
            while (vector.TryRead(out _))
            {
            }
        });

    private static List<string> Texts(byte[] bytes, LexemeStrings strings)
    {
        var vector = new TsVectorBinary(bytes);
        var texts = new List<string>();
        while (vector.TryRead(out var lexeme))
        {
            texts.Add(strings.Of(lexeme.Utf8));
        }

        return texts;
    }

    /// <summary>The bytes tsvectorsend gives for these lexemes (in the order given; PostgreSQL's is sorted).</summary>
    private static byte[] TsVector(params (string Text, (int Position, int Weight)[] Positions)[] lexemes)
    {
        var bytes = new List<byte>();
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, lexemes.Length);
        bytes.AddRange(word);
        foreach (var (text, positions) in lexemes)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text));
            bytes.Add(0);
            BinaryPrimitives.WriteInt16BigEndian(word, (short)positions.Length);
            bytes.AddRange(word[..2]);
            foreach (var (position, weight) in positions)
            {
                BinaryPrimitives.WriteUInt16BigEndian(word, (ushort)((weight << 14) | position));
                bytes.AddRange(word[..2]);
            }
        }

        return [.. bytes];
    }
}
