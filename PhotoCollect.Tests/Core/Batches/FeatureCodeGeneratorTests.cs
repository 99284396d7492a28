using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Batches;

public sealed class FeatureCodeGeneratorTests
{
    [Fact]
    public void Next_ManyCodes_EightCharactersWithoutLookAlikes()
    {
        var generator = new FeatureCodeGenerator(new CryptoRandom());

        var codes = Enumerable.Range(0, 2000).Select(_ => generator.Next()).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(8, code.Length);
            Assert.True(FeatureCodeGenerator.IsWellFormed(code), code);
            Assert.DoesNotContain(code, c => "0O1IL".Contains(c));
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Alphabet_HasNoLookAlikeCharacters() =>
        Assert.DoesNotContain(FeatureCodeGenerator.Alphabet, c => "0O1IL".Contains(c));

    private static async Task AddBatchWithCodeAsync(PhotoCollect.Core.Data.PhotoCollectDbContext db, string code)
    {
        var (_, school) = await Builders.AddSchoolAsync(db);
        var batch = Builders.Batch(school: school, featureCode: code);
        db.CollectionBatches.Add(batch);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task NextUniqueAsync_CodeTaken_RetriesWithAnother()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await AddBatchWithCodeAsync(db, "TAKEN234");
        var generator = new FeatureCodeGenerator(new SequenceRandom("TAKEN234", "FRESH567"));

        var code = await generator.NextUniqueAsync(db);

        Assert.Equal("FRESH567", code);
    }

    [Fact]
    public async Task NextUniqueAsync_AlwaysTaken_GivesUpWithStableCode()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await AddBatchWithCodeAsync(db, "TAKEN234");
        var generator = new FeatureCodeGenerator(new SequenceRandom(Enumerable.Repeat("TAKEN234", 20).ToArray()));

        var error = await Assert.ThrowsAsync<DomainException>(() => generator.NextUniqueAsync(db));

        Assert.Equal(BatchErrors.FeatureCodeExhausted.Code, error.Code);
    }

    [Theory]
    [InlineData(" abcd-efgh ", "ABCDEFGH")]
    [InlineData("k7m2 q9xd", "K7M2Q9XD")]
    public void Normalize_TypedInput_UpperCasedWithoutSeparators(string input, string expected) =>
        Assert.Equal(expected, FeatureCodeGenerator.Normalize(input));
}
