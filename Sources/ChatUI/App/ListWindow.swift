/// The scroll state of a list shown `height` rows at a time: which of its `count` items is
/// selected (the cursor) and which is on the top visible row (the offset). In the spirit of
/// ratatui's `ListState`, but kept by the reducer, sized from the layout, so that it can
/// answer "which item is on this row" without asking a view.
///
/// Invariants, kept by every initialiser and method:
/// - `count >= 0` and `height >= 0`;
/// - `0 <= cursor < count`, or `cursor == 0` when the list is empty;
/// - `0 <= offset <= maxOffset`: the window never scrolls past the end of the list;
/// - the cursor is visible: `offset <= cursor`, and `cursor < offset + height` when
///   `height > 0`.
///
/// Moving the cursor scrolls as little as keeps it visible, so the window remembers where
/// it was: moving down row by row from the top puts the cursor on the last visible row, and
/// moving back up leaves the offset alone until the cursor reaches the top row.
///
/// A list without a selection (the help) uses the window scroll-only, with `scroll(by:)`:
/// the cursor then rides along on the top row and is simply not drawn.
public struct ListWindow: Sendable, Hashable {
  /// The selected item's index.
  public private(set) var cursor = 0
  /// The index of the item on the top visible row.
  public private(set) var offset = 0
  /// How many items are visible at once (rows, for one-row items).
  public private(set) var height = 0
  /// How many items the list has.
  public private(set) var count = 0

  /// A window on a freshly shown list: `cursor` (clamped) selected, scrolled from the top
  /// just far enough to show it.
  public init(count: Int = 0, height: Int = 0, cursor: Int = 0) {
    self.count = max(0, count)
    self.height = max(0, height)
    self.cursor = cursor
    normalize()
  }

  /// The largest offset: the one that shows the last item on the bottom row (or the top row,
  /// when nothing fits).
  public var maxOffset: Int { max(0, count - max(1, height)) }

  /// The indices of the items on screen, top to bottom.
  public var visibleRange: Range<Int> { offset..<min(count, offset + height) }

  /// The index of the item on visible row `row` (0 is the top row), or `nil` when that row
  /// is outside the window or past the end of the list.
  public func index(atVisibleRow row: Int) -> Int? {
    guard row >= 0, row < height else { return nil }
    let index = offset + row
    return index < count ? index : nil
  }

  /// Selects item `index` (clamped to the list), scrolling as little as shows it.
  public mutating func move(to index: Int) {
    cursor = index
    normalize()
  }

  /// Moves the selection `delta` items down (negative: up), stopping at either end.
  public mutating func move(by delta: Int) {
    move(to: cursor + delta)
  }

  /// Scrolls the window `delta` rows down (negative: up), stopping at either end; the cursor
  /// keeps its row on screen where it can, else moves just enough to stay visible.
  public mutating func scroll(by delta: Int) {
    let scrolled = min(max(0, offset + delta), maxOffset)
    cursor += scrolled - offset
    offset = scrolled
    normalize()
  }

  /// Forgets the scroll position: selects `index` (clamped) in a window scrolled from the
  /// top just far enough to show it, as on a newly shown list.
  public mutating func reset(cursor index: Int = 0) {
    offset = 0
    move(to: index)
  }

  /// Takes a new height and item count, keeping the cursor on its item (clamped into the
  /// list) and visible with the least scrolling.
  public mutating func resize(height: Int, count: Int) {
    self.height = max(0, height)
    self.count = max(0, count)
    normalize()
  }

  /// Takes a new height, keeping the item count.
  public mutating func resize(height: Int) {
    resize(height: height, count: count)
  }

  /// Takes a new item count, keeping the height.
  public mutating func resize(count: Int) {
    resize(height: height, count: count)
  }

  /// Restores the invariants after any change, moving the offset as little as possible.
  private mutating func normalize() {
    cursor = count == 0 ? 0 : min(max(0, cursor), count - 1)
    if cursor < offset {
      offset = cursor
    } else if height > 0, cursor >= offset + height {
      offset = cursor - height + 1
    }
    offset = min(max(0, offset), maxOffset)
  }
}
