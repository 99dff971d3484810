import ChatDomain
import Foundation

/// What `orchat doctor` knows about the terminal: the environment, whether standard input
/// and output are terminals, the window size and the locale's character set. Gathered once
/// from the process (`current`); tests build their own.
struct TerminalFacts: Sendable {
  var environment: [String: String]
  var inputIsTerminal: Bool
  var outputIsTerminal: Bool
  /// Columns and rows, when a terminal reports them.
  var size: (columns: Int, rows: Int)?
  /// `nl_langinfo(CODESET)` after `setlocale(LC_CTYPE, "")`: what the C library (and so
  /// ncurses) really uses, which differs from `LANG` when that locale is not installed.
  var codeset: String?
  /// `mouse = false` in `config.toml` (or `--no-mouse` every time).
  var mouseDisabledByConfig: Bool
  /// A clipboard program the app can use besides OSC 52 (`wl-copy`, `xclip`), if any.
  var clipboardProgram: String?

  /// The app's smallest usable size.
  static let minimumSize = (columns: 60, rows: 16)

  static func current(environment: [String: String], mouseDisabledByConfig: Bool)
    -> TerminalFacts
  {
    let size = [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO].lazy.compactMap(WindowSize.of).first
    var codeset: String?
    if setlocale(LC_CTYPE, "") != nil, let name = nl_langinfo(nl_item(CODESET)) {
      codeset = String(cString: name)
    }
    return TerminalFacts(
      environment: environment, inputIsTerminal: isatty(STDIN_FILENO) == 1,
      outputIsTerminal: isatty(STDOUT_FILENO) == 1, size: size, codeset: codeset,
      mouseDisabledByConfig: mouseDisabledByConfig,
      clipboardProgram: clipboardProgram(environment: environment))
  }

  /// `wl-copy` under Wayland, `xclip` under X, when on `PATH` (what the app also tries).
  static func clipboardProgram(environment: [String: String]) -> String? {
    var candidates: [String] = []
    if environment["WAYLAND_DISPLAY"].map({ !$0.isEmpty }) == true { candidates.append("wl-copy") }
    if environment["DISPLAY"].map({ !$0.isEmpty }) == true { candidates.append("xclip") }
    let path = (environment["PATH"] ?? "").split(separator: ":")
    return candidates.first { program in
      path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
  }

  var term: String? { environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } }
  var isTerminal: Bool { inputIsTerminal || outputIsTerminal }
  var isInsideTmux: Bool { environment["TMUX"].map { !$0.isEmpty } ?? false }

  /// The locale variable that decides the character set: `LC_ALL`, `LC_CTYPE`, then `LANG`.
  var localeSetting: (name: String, value: String)? {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[name], !value.isEmpty { return (name, value) }
    }
    return nil
  }
}
