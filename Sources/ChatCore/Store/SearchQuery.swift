import ChatDomain

/// User text turned into an FTS5 query that cannot be a syntax error: every word is quoted
/// (so `AND`, `-`, `:` and quotes are just text) and matches words starting with it, except
/// a single character, which matches only itself (as a prefix it would merge the lists of a
/// good part of the vocabulary); all words must appear.
struct SearchQuery: Sendable, Hashable {
  /// The FTS5 `MATCH` expression.
  let expression: String

  /// `nil` when `text` has no letters or digits to look for.
  init?(_ text: String) {
    let words = text.split(whereSeparator: \.isWhitespace)
      .filter { $0.contains { $0.isLetter || $0.isNumber } }
    guard !words.isEmpty else { return nil }
    expression = words.map { word in
      let quoted = "\"\(word.replacingOccurrences(of: "\"", with: "\"\""))\""
      return word.count > 1 ? quoted + "*" : quoted
    }.joined(separator: " ")
  }
}
