import ChatDomain
import Formatting

/// The sources of a reply as `orchat ask` prints them after it:
///
/// ```
///
/// Sources:
/// [1] Swift Documentation — https://www.swift.org/documentation/
/// [2] https://github.com/swiftlang/swift
/// ```
///
/// URLs are safe already (checked when the reply arrived); titles are the server's, so on a
/// terminal they are sanitised like the reply's text, and through a pipe they pass as they
/// are.
enum SourcesText {
  static func render(_ citations: [Citation], forTerminal: Bool) -> String {
    var text = "\nSources:\n"
    for (index, citation) in citations.enumerated() {
      var title = citation.title.trimmingCharacters(in: .whitespaces)
      if forTerminal { title = TextSanitizer.sanitize(title) }
      text += "[\(index + 1)] " + (title.isEmpty ? "" : title + " — ") + citation.url + "\n"
    }
    return text
  }
}
