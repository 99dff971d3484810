import Foundation
import Testing

/// A tmux server of its own (`-L` socket, no user config) running one command in a
/// detached window, for end-to-end tests against the real binary.
///
/// tmux is driven through `system()` with output to a file: `Foundation.Process` on Linux
/// waits on a socket the tmux server inherits, so `waitUntilExit` never returns. Each call
/// runs on a thread of its own and is awaited, so a test never blocks one of the few
/// cooperative threads that the tests running beside it need.
///
/// `Sendable`: the properties are constants. The server is killed in `deinit`; keep the
/// session alive for the whole test.
public final class TmuxSession: Sendable {
  public let socket: String
  private let outputPath: String

  /// Why a session could not start.
  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  private init() {
    socket = "orchat-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    outputPath = NSTemporaryDirectory() + socket + ".out"
  }

  /// Starts `command` (run by `sh -c`) in a window of the given size.
  ///
  /// - Throws: `StartError` when tmux is missing (install it; CI does) or fails to start.
  public static func start(columns: Int, rows: Int, command: String) async throws -> TmuxSession {
    guard await shell("command -v tmux > /dev/null 2>&1") == 0 else {
      throw StartError(description: "tmux is not installed; the end-to-end tests need it")
    }
    let session = TmuxSession()
    let status = await session.run([
      "new-session", "-d", "-s", "e2e", "-x", "\(columns)", "-y", "\(rows)", command,
    ])
    guard status == 0 else {
      throw StartError(description: "tmux new-session failed (status \(status))")
    }
    return session
  }

  deinit {
    // Synchronous: deinit cannot await. One short tmux call at the end of a test.
    system(Self.command(["kill-server"], socket: socket, output: "/dev/null"))
    // Best effort: a leftover file in the temporary directory harms nothing.
    try? FileManager.default.removeItem(atPath: outputPath)
  }

  /// Runs `command` with `sh -c` on a new thread; returns `system`'s status.
  public static func shell(_ command: String) async -> Int32 {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: system(command)) }.start()
    }
  }

  /// Runs a tmux command on this server and returns its standard output.
  @discardableResult
  public func output(_ arguments: [String]) async -> String {
    await run(arguments)
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// Types keys by tmux name (`q`, `C-x`, `F5`, `M-x`, `BTab`).
  public func sendKeys(_ keys: String...) async {
    await run(["send-keys", "-t", target] + keys)
  }

  /// Types text literally (including escape sequences, which reach the program as bytes).
  public func sendLiteral(_ text: String) async {
    await run(["send-keys", "-t", target, "-l", text])
  }

  /// Pastes `text` as a bracketed paste, as a terminal does for a clipboard paste.
  public func paste(_ text: String) async {
    await run(["set-buffer", "--", text])
    await run(["paste-buffer", "-p", "-t", target])
  }

  public func resize(columns: Int, rows: Int) async {
    await run(["resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// The visible screen, one string per row (wide characters once, no padding cell).
  public func capture() async -> [String] {
    await output(["capture-pane", "-p", "-t", target])
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The visible screen with SGR colour codes.
  public func captureWithEscapes() async -> String {
    await output(["capture-pane", "-p", "-e", "-t", target])
  }

  /// A tmux format evaluated for the pane, such as `#{alternate_on}`.
  public func display(_ format: String) async -> String {
    await output(["display-message", "-p", "-t", target, format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen every 100 ms until `predicate` holds; records an issue showing the
  /// last screen when `timeout` passes first.
  ///
  /// - Returns: The screen that satisfied `predicate`, or `nil`.
  @discardableResult
  public func waitForScreen(
    timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: ([String]) -> Bool
  ) async throws -> [String]? {
    let deadline = ContinuousClock.now + timeout
    var screen = await capture()
    while !predicate(screen) {
      guard ContinuousClock.now < deadline else {
        Issue.record(
          "the screen never matched:\n\(screen.joined(separator: "\n"))",
          sourceLocation: sourceLocation)
        return nil
      }
      try await Task.sleep(for: .milliseconds(100))
      screen = await capture()
    }
    return screen
  }

  /// Waits until some row contains `text`.
  @discardableResult
  public func waitForText(
    _ text: String, timeout: Duration = .seconds(10),
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> [String]? {
    try await waitForScreen(timeout: timeout, sourceLocation: sourceLocation) { screen in
      screen.contains { $0.contains(text) }
    }
  }

  /// The one pane of the one window of the session `start` created.
  private var target: String { "=e2e:0.0" }

  @discardableResult
  private func run(_ arguments: [String]) async -> Int32 {
    await Self.shell(Self.command(arguments, socket: socket, output: outputPath))
  }

  private static func command(_ arguments: [String], socket: String, output: String) -> String {
    let quoted = (["-L", socket, "-f", "/dev/null"] + arguments).map(shellQuoted)
    return "tmux \(quoted.joined(separator: " ")) > \(shellQuoted(output)) 2>/dev/null"
  }

  /// `text` in single quotes for `sh`.
  public static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
