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
  public var matches: [ModelMatch] = [] {
    didSet { window.resize(count: matches.count) }
  }
  /// The list's selection and scroll position; its count follows `matches`.
  public var window = ListWindow()

  public init() {}

  /// The selected match's index: `window`'s cursor; setting it selects that match (clamped),
  /// scrolling as little as shows it.
  public var cursor: Int {
    get { window.cursor }
    set { window.move(to: newValue) }
  }

  public var filter: ModelFilter {
    ModelFilter(
      requiresTools: capability == .tools, requiresReasoning: capability == .reasoning,
      requiresImageInput: capability == .imageInput)
  }

  /// Runs the query against `catalog` (every keystroke; the catalog search is built for it).
  /// A new list starts a new window: scrolled from the top to the current model (with no
  /// query) or to the first match.
  mutating func refresh(_ catalog: ModelCatalog?, current model: String?) {
    matches = catalog?.search(query.text, filter: filter) ?? []
    if query.isEmpty, let model, let index = matches.firstIndex(where: { $0.model.id == model }) {
      window.reset(cursor: index)
    } else {
      window.reset()
    }
  }
}

/// The sessions, for the side column and the session browser, and a full-text search.
public struct SessionListState: Sendable {
  public var summaries: [SessionSummary] = [] {
    didSet {
      revision &+= 1
      sideWindow.resize(count: summaries.count)
      window.resize(count: rowCount)
    }
  }
  /// Counts changes to `summaries`, so a view can tell in O(1) that the list is unchanged.
  public private(set) var revision = 0
  public var query = ComposerState()
  /// True while the browser's search box takes the keys.
  public var isEditingQuery = false
  /// Search results, one per session (its newest matching message).
  public var hits: [MessageSearchHit] = [] {
    didSet { window.resize(count: rowCount) }
  }
  /// The query `hits` answer.
  public var hitsQuery: String? {
    didSet { window.resize(count: rowCount) }
  }
  /// The browser's selection and scroll position; its count follows `rowCount`.
  public var window = ListWindow()
  /// The side column's own selection and scroll position; its count follows `summaries`.
  public var sideWindow = ListWindow()

  public init() {}

  /// The browser's selected row: `window`'s cursor; setting it selects that row (clamped),
  /// scrolling as little as shows it.
  public var cursor: Int {
    get { window.cursor }
    set { window.move(to: newValue) }
  }

  /// The side column's selected session: `sideWindow`'s cursor; setting it selects that
  /// session (clamped), scrolling as little as shows it.
  public var sideCursor: Int {
    get { sideWindow.cursor }
    set { sideWindow.move(to: newValue) }
  }

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
