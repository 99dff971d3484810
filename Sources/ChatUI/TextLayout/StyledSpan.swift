import ChatDomain

/// A run of text in one style role: the unit of styled text before and after layout.
public struct StyledSpan: Sendable, Hashable {
  public var text: String
  public var role: StyleRole

  public init(_ text: String, role: StyleRole) {
    self.text = text
    self.role = role
  }
}

extension Array where Element == StyledSpan {
  /// The plain text of the spans, styles dropped.
  public var plainText: String {
    var text = ""
    for span in self { text += span.text }
    return text
  }

  /// Display columns of the spans (see `DisplayWidth`).
  public var displayWidth: Int {
    var total = 0
    for span in self { total += DisplayWidth.width(of: span.text) }
    return total
  }

  /// Appends `text` in `role`, extending the last span when it has the same role, so equal
  /// styled text always has one canonical span list.
  public mutating func append(_ text: some StringProtocol, role: StyleRole) {
    guard !text.isEmpty else { return }
    if let last = self.last, last.role == role {
      self[count - 1].text += text
    } else {
      append(StyledSpan(String(text), role: role))
    }
  }
}
