import ChatDomain

/// One piece of a paragraph while inline markdown is resolved.
struct InlineToken: Sendable {
  enum Kind: Sendable {
    /// Literal text, styled by the emphasis around it.
    case text(String)
    /// Text whose roles are settled (code spans, links).
    case styled([StyledSpan])
    /// A run of `*` or `_` that may open or close emphasis.
    case delimiter(Character)
  }

  var kind: Kind
  /// For a delimiter: the characters not yet used by a match (left over ones are literal).
  var count = 0
  var canOpen = false
  var canClose = false
  /// Nesting depth of the strong and emphasis ranges this token lies in.
  var strong = 0
  var emphasis = 0

  static func text(_ text: String) -> InlineToken { InlineToken(kind: .text(text)) }
  static func styled(_ spans: [StyledSpan]) -> InlineToken { InlineToken(kind: .styled(spans)) }
}
