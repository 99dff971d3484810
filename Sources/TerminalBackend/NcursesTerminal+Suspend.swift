import CNcursesw
import Glibc

extension NcursesTerminal {
  /// Gives the terminal to another program for a while (`$EDITOR`): the main screen, the
  /// original modes, mouse and bracketed paste off. `resume()` takes it back.
  public func suspend() {
    Self.writeControl(encoder.resetRendition(), to: options.outputDescriptor)
    encoder.invalidate()
    if options.isBracketedPasteEnabled {
      Self.writeControl("\u{1b}[?2004l", to: options.outputDescriptor)
    }
    if options.isMouseEnabled { _ = mousemask(0, nil) }
    _ = def_prog_mode()
    _ = endwin()
    // Ctrl-Z in the other program stops the whole job, orchat included, as a shell expects.
    if options.installsSignalHandlers { Self.handleStopSignal(false) }
  }

  /// Takes the terminal back after `suspend()`; the caller repaints everything next.
  public func resume() {
    if options.installsSignalHandlers { Self.handleStopSignal(true) }
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
    encoder.invalidate()
  }

  /// Stops the process for the shell's job control and takes the terminal back on `fg`
  /// (see `Terminal.suspendProcess()`). A size changed meanwhile is picked up.
  public func suspendProcess() {
    suspend()
    // Only with the handlers installed: in-process tests must not stop the test runner.
    if options.installsSignalHandlers { Self.stopForJobControl() }
    resume()
    refreshSize()
  }

  /// Sends a control sequence the app composed itself (OSC 52 copy) straight to the
  /// terminal. Never called with model text.
  public func sendControlSequence(_ sequence: String) {
    Self.writeControl(sequence, to: options.outputDescriptor)
  }
}
