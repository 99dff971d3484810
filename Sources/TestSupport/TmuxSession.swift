import Foundation
import Testing

/// A tmux server of its own (`-L` socket, no user config) running one command in a
/// detached window, for end-to-end tests against the real binary.
///
/// tmux is driven through `system()` with output to a file: `Foundation.Process` on Linux
/// waits on a socket the tmux server inherits, so `waitUntilExit` never returns.
///
/// The server is killed in `deinit`; keep the session alive for the whole test.
public final class TmuxSession {
  public let socket: String
  private let outputPath: String

  /// Why a session could not start.
  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Starts `command` (run by `sh -c`) in a window of the given size.
  ///
  /// - Throws: `StartError` when tmux is missing (install it; CI does) or fails to start.
  public init(columns: Int, rows: Int, command: String) throws {
    socket = "orchat-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    outputPath = NSTemporaryDirectory() + socket + ".out"
    guard Self.isInstalled else {
      throw StartError(description: "tmux is not installed; the end-to-end tests need it")
    }
    let status = run([
      "new-session", "-d", "-s", "e2e", "-x", "\(columns)", "-y", "\(rows)", command,
    ])
    guard status == 0 else {
      throw StartError(description: "tmux new-session failed (status \(status))")
    }
  }

  deinit {
    run(["kill-server"])
    // Best effort: a leftover file in the temporary directory harms nothing.
    try? FileManager.default.removeItem(atPath: outputPath)
  }

  /// Whether a `tmux` executable is on the PATH.
  public static var isInstalled: Bool {
    system("command -v tmux > /dev/null 2>&1") == 0
  }

  /// Runs a tmux command on this server and returns its standard output.
  @discardableResult
  public func output(_ arguments: [String]) -> String {
    run(arguments)
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// Types keys by tmux name (`q`, `C-x`, `F5`, `M-x`, `BTab`).
  public func sendKeys(_ keys: String...) {
    run(["send-keys", "-t", socketTarget] + keys)
  }

  /// Types text literally (including escape sequences, which reach the program as bytes).
  public func sendLiteral(_ text: String) {
    run(["send-keys", "-t", socketTarget, "-l", text])
  }

  /// Pastes `text` as a bracketed paste, as a terminal does for a clipboard paste.
  public func paste(_ text: String) {
    run(["set-buffer", "--", text])
    run(["paste-buffer", "-p", "-t", socketTarget])
  }

  public func resize(columns: Int, rows: Int) {
    run(["resize-window", "-t", socketTarget, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// The visible screen, one string per row (wide characters once, no padding cell).
  public func capture() -> [String] {
    output(["capture-pane", "-p", "-t", socketTarget]).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
  }

  /// The visible screen with SGR colour codes.
  public func captureWithEscapes() -> String {
    output(["capture-pane", "-p", "-e", "-t", socketTarget])
  }

  /// A tmux format evaluated for the pane, such as `#{alternate_on}`.
  public func display(_ format: String) -> String {
    output(["display-message", "-p", "-t", socketTarget, format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen every 50 ms until `predicate` holds; records an issue showing the
  /// last screen when `timeout` passes first.
  ///
  /// - Returns: The screen that satisfied `predicate`, or `nil`.
  @discardableResult
  public func waitForScreen(
    timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: ([String]) -> Bool
  ) -> [String]? {
    let deadline = ContinuousClock.now + timeout
    var screen = capture()
    while !predicate(screen) {
      guard ContinuousClock.now < deadline else {
        Issue.record(
          "the screen never matched:\n\(screen.joined(separator: "\n"))",
          sourceLocation: sourceLocation)
        return nil
      }
      usleep(50_000)
      screen = capture()
    }
    return screen
  }

  /// Waits until some row contains `text`.
  @discardableResult
  public func waitForText(
    _ text: String, timeout: Duration = .seconds(10),
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> [String]? {
    waitForScreen(timeout: timeout, sourceLocation: sourceLocation) { screen in
      screen.contains { $0.contains(text) }
    }
  }

  /// The one pane of the one window of the session `init` created.
  private var socketTarget: String { "=e2e:0.0" }

  @discardableResult
  private func run(_ arguments: [String]) -> Int32 {
    let quoted = (["-L", socket, "-f", "/dev/null"] + arguments).map(Self.shellQuoted)
    return system("tmux \(quoted.joined(separator: " ")) > '\(outputPath)' 2>/dev/null")
  }

  /// `text` in single quotes for `sh`.
  public static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
