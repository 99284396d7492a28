namespace PhotoCollect.Core.Batches;

/// <summary>
/// What staff decide about a batch besides its school: the form's values after validation, with
/// the price in fen and times as instants. <see cref="CollectionBatch"/> keeps them.
/// </summary>
public sealed record BatchTerms(
    string Name,
    CollectionType Type,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int PriceFen,
    int ExpectedHeadcount,
    int MaxSubmissions,
    string? Notes);
