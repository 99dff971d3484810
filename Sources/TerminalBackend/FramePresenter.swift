import ChatRender

/// Remembers the last grid presented to a terminal and presents each new frame as the
/// diff from it.
///
/// **Invariants:** `previous` is exactly what the terminal shows, or `nil` when that is
/// unknown (first frame, after a resize or theme switch, after `invalidate()`), in which
/// case the next diff is full.
public struct FramePresenter: Sendable {
  public private(set) var previous: CellGrid?

  public init() {}

  /// Forgets what is on screen, so the next frame repaints everything.
  public mutating func invalidate() {
    previous = nil
  }

  /// Presents `frame` and returns the diff that was painted.
  @discardableResult
  public mutating func present(_ frame: Frame, on terminal: some Terminal) -> GridDiff {
    let diff = GridDiff(from: previous, to: frame.grid)
    terminal.present(frame, diff: diff)
    previous = frame.grid
    return diff
  }
}
