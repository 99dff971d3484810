import CNcursesw
import ChatDomain
import ChatRender
import ChatUI

extension NcursesTerminal {
  public func setTheme(_ theme: Theme) {
    encoder.setTheme(theme)
  }

  /// Writes the frame's bytes (`FrameEncoder`) and its hyperlinks in one write. ncurses
  /// draws nothing itself: its window stays blank and untouched, so it never repaints over
  /// a frame. Before a full repaint it may still owe the terminal a clear of its own (after
  /// a resize), which it is given first; the encoder then clears and paints.
  public func present(_ frame: Frame, diff: GridDiff) {
    let bounds = size
    if diff.isFull {
      _ = wnoutrefresh(window)
      _ = doupdate()
    }
    frameBytes.removeAll(keepingCapacity: true)
    encoder.encode(
      diff, grid: frame.grid, cursor: frame.cursor, bounds: bounds, into: &frameBytes)
    if options.hyperlinks {
      frameBytes += hyperlinks.bytes(for: frame.grid, diff: diff, bounds: bounds) { role in
        encoder.absoluteRendition(for: role)
      }
    }
    guard !frameBytes.isEmpty else { return }
    Self.writeControl(frameBytes, to: options.outputDescriptor)
  }
}
