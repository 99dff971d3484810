/// The web sources of one reply as they arrive: in order, each once, and at most `limit`
/// of them (OpenRouter.docc/WebSearch.md, Annotations).
///
/// Some providers repeat the whole list on a later chunk; an item equal to one already
/// held (same URL, title and indices) is a repeat. The excerpt (`content`) is not kept: it
/// can be kilobytes per source and orchat never shows it.
struct CitationCollector: Sendable {
  static let limit = 256

  private(set) var items: [URLCitation] = []
  private var seen: Set<URLCitation> = []

  /// Adds `citations` and returns those that were new.
  mutating func add(_ citations: [URLCitation]) -> [URLCitation] {
    var added: [URLCitation] = []
    for var citation in citations where items.count < Self.limit {
      citation.content = nil
      guard seen.insert(citation).inserted else { continue }
      items.append(citation)
      added.append(citation)
    }
    return added
  }
}
