import ChatDomain
import ChatRender
import ChatUI

/// The seam between the run loop and a screen: `NcursesTerminal` in the product,
/// `ScriptedTerminal` (TestSupport) in tests.
///
/// - Important: A terminal is not thread-safe. Create it, present to it and read from it
///   on one thread (the run loop's); other threads reach the loop only through the
///   `WakeSignal` the terminal was created with.
public protocol Terminal: AnyObject {
  /// The current size in cells; it changes only when `readEvents` reports `.resize`.
  var size: TerminalSize { get }

  /// Styles later frames with `theme`. The caller repaints everything afterwards
  /// (`FramePresenter.invalidate()`), because cells already on screen keep the old colours.
  func setTheme(_ theme: Theme)

  /// Paints `diff`, the change from the previously presented grid to `frame.grid`, then
  /// places the cursor at `frame.cursor` (hidden when `nil`). Cells outside the current
  /// size are clipped. A diff with `isFull` repaints the whole screen.
  func present(_ frame: Frame, diff: GridDiff)

  /// Waits for something to happen and returns it, oldest first.
  ///
  /// Returns as soon as there is input, a resize, a termination request or a wake-up;
  /// returns an empty array when `timeout` passes first. A `nil` timeout waits for ever.
  /// While waiting the process sleeps (no polling loop).
  func readEvents(timeout: Duration?) -> [TerminalEvent]

  /// Hands the terminal to another program (`$EDITOR`) until `resume()`.
  func suspend()

  /// Takes the terminal back after `suspend()`; the next frame must repaint everything.
  func resume()

  /// Job control's stop (Ctrl-Z, SIGTSTP): gives the terminal back as `suspend()` does
  /// (main screen, original modes, mouse and bracketed paste off), stops the process, and
  /// takes the terminal back when the process continues (`fg`). The next frame must repaint
  /// everything.
  func suspendProcess()

  /// Writes a control sequence composed by the app (an OSC 52 copy); never model text.
  func sendControlSequence(_ sequence: String)
}

extension Terminal {
  public func suspend() {}
  public func resume() {}
  public func suspendProcess() {
    suspend()
    resume()
  }
  public func sendControlSequence(_ sequence: String) {}
}
