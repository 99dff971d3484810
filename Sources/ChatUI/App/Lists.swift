import ChatDomain

/// The model picker: a query, a filter and the matches, best first.
public struct ModelPickerState: Sendable {
  /// The filter Tab steps through, one at a time.
  public enum Capability: Sendable, Hashable, CaseIterable {
    case any
    case tools
    case reasoning
    case imageInput
  }

  public var query = ComposerState()
  public var capability = Capability.any
  public var matches: [ModelMatch] = []
  public var cursor = 0

  public init() {}

  public var filter: ModelFilter {
    ModelFilter(
      requiresTools: capability == .tools, requiresReasoning: capability == .reasoning,
      requiresImageInput: capability == .imageInput)
  }

  /// Runs the query against `catalog` (every keystroke; the catalog search is built for it).
  mutating func refresh(_ catalog: ModelCatalog?, current model: String?) {
    matches = catalog?.search(query.text, filter: filter) ?? []
    if query.isEmpty, let model, let index = matches.firstIndex(where: { $0.model.id == model }) {
      cursor = index
    } else {
      cursor = 0
    }
  }
}

/// The sessions, for the side column and the session browser, and a full-text search.
public struct SessionListState: Sendable {
  public var summaries: [SessionSummary] = []
  public var query = ComposerState()
  /// True while the browser's search box takes the keys.
  public var isEditingQuery = false
  /// Search results, one per session (its newest matching message).
  public var hits: [MessageSearchHit] = []
  /// The query `hits` answer.
  public var hitsQuery: String?
  public var cursor = 0
  /// The side column's own selection.
  public var sideCursor = 0

  public init() {}

  /// Whether the browser shows search results rather than the list.
  public var isShowingHits: Bool { !(hitsQuery ?? "").isEmpty }

  /// How many rows the browser lists.
  public var rowCount: Int { isShowingHits ? hits.count : summaries.count }

  /// The session id of browser row `index`.
  public func sessionID(at index: Int) -> String? {
    if isShowingHits { return hits.indices.contains(index) ? hits[index].sessionID : nil }
    return summaries.indices.contains(index) ? summaries[index].session.id : nil
  }

  /// The title of session `id`, when listed.
  public func title(of id: String) -> String? {
    summaries.first { $0.session.id == id }?.session.title
      ?? hits.first { $0.sessionID == id }?.sessionTitle
  }
}
