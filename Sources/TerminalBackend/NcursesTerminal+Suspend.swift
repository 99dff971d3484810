import CNcursesw
import Glibc

extension NcursesTerminal {
  /// Gives the terminal to another program for a while (`$EDITOR`): the main screen, the
  /// original modes, mouse and bracketed paste off. `resume()` takes it back.
  public func suspend() {
    if options.isBracketedPasteEnabled {
      Self.writeControl("\u{1b}[?2004l", to: options.outputDescriptor)
    }
    if options.isMouseEnabled { _ = mousemask(0, nil) }
    _ = def_prog_mode()
    _ = endwin()
  }

  /// Takes the terminal back after `suspend()`; the caller repaints everything next.
  public func resume() {
    _ = reset_prog_mode()
    if options.isMouseEnabled {
      let mask =
        NC_BUTTON1_PRESSED | NC_BUTTON1_RELEASED | NC_BUTTON2_PRESSED
        | NC_BUTTON3_PRESSED | NC_BUTTON4_PRESSED | NC_BUTTON5_PRESSED
      _ = mousemask(mask, nil)
    }
    if options.isBracketedPasteEnabled {
      Self.writeControl("\u{1b}[?2004h", to: options.outputDescriptor)
    }
    _ = clearok(window, true)
    _ = wrefresh(window)
  }

  /// Sends a control sequence the app composed itself (OSC 52 copy) straight to the
  /// terminal. Never called with model text.
  public func sendControlSequence(_ sequence: String) {
    Self.writeControl(sequence, to: options.outputDescriptor)
  }
}
