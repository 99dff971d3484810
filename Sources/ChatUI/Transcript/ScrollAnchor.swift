/// Where the transcript view is.
///
/// `tail` follows new text: the last line sits on the bottom row. `pinned` keeps line
/// `line` of item `item` on the top row, so text arriving below never moves what the user
/// is reading.
public enum ScrollAnchor: Sendable, Hashable {
  case tail
  case pinned(item: Int, line: Int)
}
