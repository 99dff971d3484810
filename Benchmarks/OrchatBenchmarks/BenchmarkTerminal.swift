import ChatDomain
import ChatUI
import TerminalBackend

/// ncurses on a real pseudo-terminal, as the benchmarks measure it: the app's own terminal
/// code writing to a device whose controller side the benchmark drains and counts.
struct BenchmarkTerminal {
  let pty: PseudoTerminal
  let terminal: NcursesTerminal

  init(size: TerminalSize) throws {
    pty = try PseudoTerminal(size: size)
    terminal = try NcursesTerminal(
      options: .init(
        terminalType: "xterm-256color", inputDescriptor: pty.deviceDescriptor,
        outputDescriptor: pty.deviceDescriptor, installsSignalHandlers: false))
  }
}

extension PseudoTerminal {
  /// Reads what is waiting on the controller side now; returns the byte count.
  func drainOutput() -> Int {
    readOutput(quietPeriod: .zero).count
  }
}
