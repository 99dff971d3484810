import Foundation
import Testing

/// The full-screen app run under tmux for end-to-end tests: the real binary on a real
/// terminal emulator, pointed at a stub server and a private home directory.
///
/// The outer shell records `stty -g` before and after the app and the app's exit status, so
/// tests can check that the terminal came back exactly as it was.
public struct AppUnderTmux: Sendable {
  public let tmux: TmuxSession
  public let scratch: String

  /// Starts `orchat <arguments>` with exactly `environment` (plus PATH, TERM, LANG).
  /// - Parameter preamble: shell commands run in the pane before the app (e.g. set a title).
  public static func start(
    arguments: [String] = [], environment: [String: String], columns: Int = 100, rows: Int = 30,
    preamble: String = ""
  ) async throws -> AppUnderTmux {
    let scratch = try makeScratch()
    let app = try command(arguments, environment: environment)
    let script = """
      \(preamble) stty -g > \(scratch)/before; \(app); echo "exit=$?" > \(scratch)/status; \
      stty -g > \(scratch)/after; echo DONE; sleep 120
      """
    let session = try await TmuxSession.start(columns: columns, rows: rows, command: script)
    return AppUnderTmux(tmux: session, scratch: scratch)
  }

  /// Starts `orchat <arguments>` from an interactive shell with job control (bash without
  /// line editing, so the shell itself turns no terminal mode on), for tests of Ctrl-Z,
  /// SIGTSTP and `fg`. The app's process id is in the file `pid` once it runs; the shell's
  /// prompt is `shell$ `.
  public static func startUnderShell(
    arguments: [String] = [], environment: [String: String], columns: Int = 100, rows: Int = 30
  ) async throws -> AppUnderTmux {
    let scratch = try makeScratch()
    let app = "exec " + (try command(arguments, environment: environment))
    try "echo $$ > \(scratch)/pid\n\(app)\n".write(
      toFile: "\(scratch)/run.sh", atomically: true, encoding: .utf8)
    let shell = [
      "env", "-i", "PATH=/usr/bin:/bin", "TERM=tmux-256color", "LANG=C.UTF-8", "HOME=\(scratch)",
      "PS1=shell$ ", "bash", "--norc", "--noprofile", "--noediting", "-i",
    ].map(TmuxSession.shellQuoted).joined(separator: " ")
    let session = try await TmuxSession.start(columns: columns, rows: rows, command: shell)
    try await session.waitForText("shell$")
    let started = AppUnderTmux(tmux: session, scratch: scratch)
    await started.send("sh \(scratch)/run.sh")
    return started
  }

  /// A new scratch directory for the shell's files.
  private static func makeScratch() throws -> String {
    let scratch = NSTemporaryDirectory() + "orchat-app-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    return scratch
  }

  /// The shell command that runs the binary with `arguments` and exactly `environment`
  /// (plus PATH, TERM and LANG, unless it gives them).
  public static func command(_ arguments: [String], environment: [String: String]) throws
    -> String
  {
    let binary = try BinaryRunner.orchat().executable
    var env = ["PATH": "/usr/bin:/bin", "TERM": "tmux-256color", "LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    let assignments = env.keys.sorted().map { TmuxSession.shellQuoted("\($0)=\(env[$0] ?? "")") }
    return
      (["env", "-i"] + assignments + [TmuxSession.shellQuoted(binary)]
      + arguments.map(TmuxSession.shellQuoted)).joined(separator: " ")
  }

  /// The app's process id (`startUnderShell`), once it has started.
  public func processID(timeout: Duration = .seconds(10)) async throws -> pid_t? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let text = file("pid"), let pid = pid_t(text) { return pid }
      try await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  /// A file the outer shell wrote (`before`, `after`, `status`), trimmed; `nil` until written.
  public func file(_ name: String) -> String? {
    (try? String(contentsOfFile: "\(scratch)/\(name)", encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Waits for the app to exit; returns its status line (`exit=0`).
  public func waitForExit(timeout: Duration = .seconds(15)) async throws -> String? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let status = file("status"), let after = file("after"), !after.isEmpty { return status }
      try await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  /// Types `text` and presses Enter.
  public func send(_ text: String) async {
    await tmux.sendLiteral(text)
    await tmux.sendKeys("Enter")
  }

  /// Removes the scratch directory (the tmux server goes with the session object).
  public func removeScratch() {
    try? FileManager.default.removeItem(atPath: scratch)
  }
}
