import ChatCore

/// A styled piece of text: one role for all of it.
struct DemoSpan: Sendable, Hashable {
  var text: String
  var role: StyleRole

  init(_ text: String, _ role: StyleRole) {
    self.text = text
    self.role = role
  }
}

/// One block of the demo transcript, already styled (the demo does not parse markdown;
/// it shows what the views will draw).
enum DemoBlock: Sendable, Hashable {
  /// Wrapped to the width at spaces; `indent` columns of `prefix` start the first line
  /// and blank columns start the others.
  case paragraph([DemoSpan], prefix: DemoSpan? = nil)
  /// A boxed code block with a language label and its number; never wrapped.
  case code(language: String, number: Int, lines: [[DemoSpan]])
  /// A table whose columns are as wide as their widest cell.
  case table(header: [String], rows: [[String]])
  case blank
}
