/// Why a terminal could not be opened. `description` is one line for the user.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The descriptor (0 or 1 in the product) is not a terminal: orchat was piped.
  case notATerminal(descriptor: Int32)
  /// terminfo has no entry for this `TERM`.
  case unknownTerminalType(String)
  /// Another `NcursesTerminal` is open; ncurses has one screen per process here.
  case alreadyActive
  /// A system call failed.
  case systemCall(String, errno: Int32)

  public var description: String {
    switch self {
    case .notATerminal(let descriptor):
      let stream =
        descriptor == 0
        ? "standard input" : descriptor == 1 ? "standard output" : "descriptor \(descriptor)"
      return "orchat needs a terminal, but \(stream) is not one"
    case .unknownTerminalType(let type):
      return
        "unknown terminal type '\(type)': set TERM to one terminfo knows, such as xterm-256color"
    case .alreadyActive:
      return "a terminal session is already open in this process"
    case .systemCall(let name, let errno):
      return "\(name) failed (errno \(errno))"
    }
  }
}
