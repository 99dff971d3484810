import Foundation
import TestSupport
import Testing

/// The commands that behave differently on a terminal, run on one: tmux.
@Suite struct TerminalCommandsTests {
  let binary: String
  let home: OrchatHome
  let scratch: TemporaryDirectory

  init() throws {
    binary = try BinaryRunner.orchat().executable
    home = try OrchatHome()
    scratch = try TemporaryDirectory(prefix: "orchat-tty")
  }

  /// Runs `orchat arguments` in a 90×30 tmux pane (standard input is the terminal), with
  /// standard output to a file unless `toScreen`; waits for it to finish.
  func runOnTerminal(
    _ arguments: [String], environment extra: [String: String] = [:], toScreen: Bool = false
  ) async throws -> (status: String, output: String, tmux: TmuxSession) {
    var environment = home.environment.merging(["PATH": "/usr/bin:/bin", "TERM": "tmux-256color"]) {
      $1
    }
    environment.merge(extra) { $1 }
    let assignments = environment.keys.sorted().map {
      TmuxSession.shellQuoted("\($0)=\(environment[$0] ?? "")")
    }
    let id = UUID().uuidString
    let output = scratch.appending("\(id).out").path
    let status = scratch.appending("\(id).status").path
    let command =
      (["env", "-i"] + assignments + [TmuxSession.shellQuoted(binary)]
      + arguments.map(TmuxSession.shellQuoted)).joined(separator: " ")
    let script =
      "\(command)\(toScreen ? "" : " > \(output)"); echo $? > \(status).tmp; mv \(status).tmp \(status); sleep 60"
    let tmux = try await TmuxSession.start(columns: 90, rows: 30, command: script)
    let deadline = ContinuousClock.now + .seconds(20)
    while !FileManager.default.fileExists(atPath: status) {
      guard ContinuousClock.now < deadline else { throw BinaryRunner.RunnerError.timedOut(command) }
      try await Task.sleep(for: .milliseconds(50))
    }
    let code = try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let text = toScreen ? "" : try String(contentsOfFile: output, encoding: .utf8)
    return (code, text, tmux)
  }

  func check(_ json: String, _ id: String) throws -> [String: Any] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let checks = try #require(object["checks"] as? [[String: Any]])
    return try #require(checks.first { $0["id"] as? String == id })
  }

  @Test func doctorJudgesTheTerminalItRunsIn() async throws {
    let closed = try ClosedPort()
    let environment = [
      "LANG": "C.UTF-8", "OPENROUTER_API_KEY": "k", "OPENROUTER_BASE_URL": closed.baseURL,
    ]
    let good = try await runOnTerminal(["doctor", "--json"], environment: environment)
    let terminal = try check(good.output, "terminal")
    #expect(terminal["status"] as? String == "pass")
    #expect(terminal["summary"] as? String == "TERM=tmux-256color, 256 colours, 90×30")
    #expect(try check(good.output, "locale")["status"] as? String == "pass")
    #expect(try check(good.output, "mouse")["status"] as? String == "pass")

    // The C locale has no UTF-8: on a terminal that fails the run.
    let ascii = try await runOnTerminal(
      ["doctor", "--json"], environment: environment.merging(["LANG": "C"]) { $1 })
    let locale = try check(ascii.output, "locale")
    #expect(locale["status"] as? String == "fail")
    #expect(
      (locale["summary"] as? String)?.hasPrefix("LANG=C gives character set ANSI_X3.4-1968") == true
    )
    #expect(ascii.status == "1")
    withExtendedLifetime(closed) {}
  }

  @Test func themesShowPaintsTheThemeOnTheTerminal() async throws {
    let run = try await runOnTerminal(["themes", "show", "dark"], toScreen: true)
    #expect(run.status == "0")
    let screen = await run.tmux.captureWithEscapes()
    // "You" in the dark theme's user colour, #d7af5f, which is xterm colour 179.
    #expect(screen.contains("\u{1B}[38;5;179mYou"))
    #expect(await run.tmux.capture().contains { $0.hasPrefix("How do I reverse a list in Swift?") })
    let plain = try await runOnTerminal(["themes", "show", "dark"], environment: ["NO_COLOR": "1"])
    #expect(plain.output.hasPrefix("name: dark\n"))
    #expect(!plain.output.contains("\u{1B}"))
  }
}
