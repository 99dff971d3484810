import ChatCore

/// One terminal cell: a reduced grapheme (see `DisplayWidth`) and the role that styles it.
///
/// A wide glyph occupies its leading cell and a following continuation cell, whose `text`
/// is empty and which is never painted on its own.
public struct Cell: Sendable, Hashable {
  public var text: String
  public var role: StyleRole
  public var isContinuation: Bool

  public init(_ text: String = " ", role: StyleRole = .base, isContinuation: Bool = false) {
    self.text = text
    self.role = role
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()

  /// A blank cell in `role` (a background fill).
  public static func blank(_ role: StyleRole) -> Cell { Cell(" ", role: role) }

  static func continuation(_ role: StyleRole) -> Cell {
    Cell("", role: role, isContinuation: true)
  }
}
