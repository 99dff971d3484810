import ChatDomain
import ChatUI

/// What recent frames drew, kept so the next frame copies what did not change instead of
/// drawing it again: transcript lines (`lines`) and the side column.
///
/// **Invariants:** `sideColumn` holds the cells of the side column's rows, drawn from exactly
/// `SideColumnView.Inputs` it is stored with; a frame copies them only when its inputs are
/// equal. Owned by whoever renders frames, on one thread.
public final class RenderCache {
  public let lines: LineRowCache
  var sideColumn: (inputs: SideColumnView.Inputs, rows: [[Cell]])?

  public init(lines: LineRowCache = LineRowCache()) {
    self.lines = lines
  }
}
