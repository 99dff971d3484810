import Foundation

/// The models orchat offers: one view over the bundled snapshot and the cached live listing,
/// with fuzzy search and filters.
///
/// Both sources are complete listings, so merging keeps the newer one: its entries are
/// current, and a model absent from it has been withdrawn (requesting it would fail). An old
/// cache never hides the newer snapshot of an updated orchat, and a fresh refresh replaces
/// the snapshot.
///
/// Search is built for a picker that re-queries on every keystroke: each id and name is
/// lower-cased and scored for word starts once, here, so a query costs one small dynamic
/// programme per candidate that contains the query's characters in order.
public struct ModelCatalog: Sendable {
  /// Where the listing came from.
  public enum Origin: Sendable, Hashable {
    case bundled
    case live
  }

  /// Sorted by id.
  public let models: [ModelSummary]
  public let origin: Origin
  /// When the listing was fetched from OpenRouter.
  public let fetchedAt: Date
  /// Where the listing came from (`GET <base URL>/models`, see `CatalogSnapshot.source`).
  public let source: String
  /// Why the cache was not used, when it exists but could not be read.
  public var cacheProblem: ChatError?
  private let ids: [FuzzyMatcher.Text]
  private let names: [FuzzyMatcher.Text]
  private let positionByID: [String: Int]

  public init(snapshot: CatalogSnapshot, origin: Origin) {
    models = snapshot.models
    self.origin = origin
    fetchedAt = snapshot.fetchedAt
    source = snapshot.source
    ids = models.map { FuzzyMatcher.Text($0.id) }
    names = models.map { FuzzyMatcher.Text($0.name) }
    positionByID = Dictionary(
      models.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The newer of the bundled snapshot and `cached`.
  public static func merged(bundled: CatalogSnapshot, cached: CatalogSnapshot?) -> ModelCatalog {
    if let cached, cached.fetchedAt >= bundled.fetchedAt, !cached.models.isEmpty {
      return ModelCatalog(snapshot: cached, origin: .live)
    }
    return ModelCatalog(snapshot: bundled, origin: .bundled)
  }

  public func model(id: String) -> ModelSummary? {
    positionByID[id].map { models[$0] }
  }

  /// Models passing `filter` that match `query`, best first.
  ///
  /// An empty query lists every model passing the filter, by id. Otherwise the score is the
  /// better of the id's and the name's; ties go to the shorter id (`openai/gpt-4o` before
  /// `openai/gpt-4o-mini` for `g4o`), then to the newer model.
  public func search(_ query: String, filter: ModelFilter = ModelFilter()) -> [ModelMatch] {
    guard let matcher = FuzzyMatcher(query) else {
      return models.filter(filter.admits).map {
        ModelMatch(model: $0, score: 0, field: .id, positions: [])
      }
    }
    var matches: [ModelMatch] = []
    for (index, model) in models.enumerated() where filter.admits(model) {
      let byID = matcher.match(ids[index])
      let byName = matcher.match(names[index])
      switch (byID, byName) {
      case (let id?, let name?) where name.score > id.score:
        matches.append(
          ModelMatch(model: model, score: name.score, field: .name, positions: name.positions))
      case (let id?, _):
        matches.append(
          ModelMatch(model: model, score: id.score, field: .id, positions: id.positions))
      case (nil, let name?):
        matches.append(
          ModelMatch(model: model, score: name.score, field: .name, positions: name.positions))
      case (nil, nil):
        continue
      }
    }
    return matches.sorted(by: Self.ranksBefore)
  }

  private static func ranksBefore(_ a: ModelMatch, _ b: ModelMatch) -> Bool {
    if a.score != b.score { return a.score > b.score }
    if a.model.id.count != b.model.id.count { return a.model.id.count < b.model.id.count }
    let aCreated = a.model.created ?? .distantPast
    let bCreated = b.model.created ?? .distantPast
    if aCreated != bCreated { return aCreated > bCreated }
    return a.model.id < b.model.id
  }
}
