import Foundation

extension BinaryRunner {
  /// Runs the binary with its standard input, output and error on a pseudo-terminal, so
  /// `isatty` holds for all three, through util-linux `script` (which copies everything the
  /// terminal received to its own output and exits with the program's status).
  ///
  /// - Parameter typing: Text typed at the terminal (it is echoed back, as terminals do).
  /// - Returns: `stdout` is everything the terminal showed, both streams, with the
  ///   terminal's `\r\n` line ends turned back into `\n`; `stderr` is `script`'s own.
  public func runOnTerminal(
    _ arguments: [String], environment: [String: String] = [:], typing: String? = nil,
    timeout: Duration = .seconds(30)
  ) async throws -> Result {
    let command = ([executable] + arguments).map(TmuxSession.shellQuoted)
      .joined(separator: " ")
    var result = try await BinaryRunner(executable: "/usr/bin/script").run(
      ["-qec", command, "/dev/null"], environment: environment, stdin: typing, timeout: timeout)
    result.stdout = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    return result
  }
}

/// What a terminal must never receive from text orchat did not write itself: C0 controls
/// but newline and tab, DEL, C1 controls, bidi controls and invisible characters.
public enum TerminalHazards {
  /// A string holding one of each kind: an OSC title change, a bidi override, a zero-width
  /// space, an 8-bit CSI clear, LRM, a word joiner, a BOM and tag characters.
  public static let sample =
    "\u{1B}]0;pwned\u{07}\u{202E}evil\u{200B}x\u{9B}2J\u{200E}y\u{2060}\u{FEFF}z\u{E0041}\u{E0042}"
  /// What remains of `sample` on a terminal.
  public static let sampleShown = "evilxyz"

  /// The hazards in `text`, as `U+XXXX` names; empty when it is safe for a terminal.
  public static func found(in text: String) -> [String] {
    text.unicodeScalars.filter(isHazard).map { "U+" + String($0.value, radix: 16, uppercase: true) }
  }

  static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F,
      0xFEFF, 0xE0000...0xE007F:
      true
    default: false
    }
  }
}
