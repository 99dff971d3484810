import ChatDomain
import Formatting

/// One source under a reply, as the transcript shows it: `[2] Swift Documentation ·
/// swift.org`. Made from a stored `Citation`: the URL is safe (checked when the reply
/// arrived), the title is sanitised here and kept to one line.
public struct SourceLine: Sendable, Hashable {
  /// 1-based, matching the markers in the reply's text.
  public var number: Int
  /// The page's title, sanitised; empty when the server gave none.
  public var title: String
  /// The host, without `www.`.
  public var domain: String
  /// The full URL, for the link and for copying.
  public var url: String

  public init(number: Int, citation: Citation) {
    self.number = number
    url = citation.url
    domain = LinkSanitizer.domain(of: citation.url) ?? citation.url
    title = TextSanitizer.sanitize(citation.title)
      .split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
  }

  /// `[2] `: the part before the link.
  public var label: String { "[\(number)] " }

  /// `Swift Documentation · swift.org`, or the domain alone for an untitled source: the
  /// part that links to the page.
  public var linkText: String { title.isEmpty ? domain : "\(title) · \(domain)" }
}

/// Citation markers in a reply's text: `[n]` after each passage a source is tied to, so the
/// text's numbers match the Sources list. Sources without a passage (the usual case for
/// searches that are not the provider's own) add nothing; a reply that numbers its sources
/// itself (`[1][3]`, Perplexity's way) already matches, since the list keeps their order.
public enum CitationMarkers {
  /// `text` with the markers inserted, or `text` itself when no source has a passage.
  /// Passage ends are Unicode scalar offsets, clamped to the text.
  public static func insert(into text: String, citations: [Citation]) -> String {
    var ends: [Int: [Int]] = [:]
    for (index, citation) in citations.enumerated() {
      if let end = citation.passageEnd { ends[end, default: []].append(index + 1) }
    }
    guard !ends.isEmpty else { return text }
    var result = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    func markers(at offset: Int) -> String {
      (ends[offset] ?? []).map { "[\($0)]" }.joined()
    }
    for (offset, scalar) in scalars.enumerated() {
      result.append(contentsOf: markers(at: offset).unicodeScalars)
      result.append(scalar)
    }
    let beyond = ends.keys.filter { $0 >= scalars.count }.sorted()
    for end in beyond { result.append(contentsOf: markers(at: end).unicodeScalars) }
    return String(result)
  }
}
