import ChatUI

/// Something the terminal reports to the run loop.
public enum TerminalEvent: Sendable, Hashable {
  case key(KeyEvent)
  /// A bracketed paste, delivered whole; line breaks are "\n".
  case paste(String)
  case mouse(MouseEvent)
  /// The terminal has the new size; the next frame must be drawn for it and in full.
  case resize(TerminalSize)
  /// The `WakeSignal` fired: another thread has posted work for the loop.
  case wake
  /// SIGINT, SIGTERM or SIGHUP arrived; shut down and exit with 128 + `signal`. A second
  /// signal before shutdown restores the terminal and kills the process.
  case terminationRequested(signal: Int32)
  /// SIGTSTP arrived (`kill -TSTP`, a shell's job control): the loop should give the
  /// terminal back and stop (`Terminal.suspendProcess()`), as Ctrl-Z does.
  case suspendRequested
  /// The input reached end-of-file or hung up; no more input will arrive.
  case inputClosed
}
