import Foundation
import TestSupport
import Testing

/// The full-screen app under a shell with job control: Ctrl-Z and SIGTSTP give the terminal
/// back (main screen, no mouse reporting, no bracketed paste) and `fg` brings the app back;
/// a clipboard helper that exits early cannot take the app down.
@Suite(.serialized) struct JobControlEndToEndTests {
  let home: OrchatHome

  init() throws {
    try #require(TestLocale.pinUTF8())
    home = try OrchatHome()
  }

  /// The mouse modes tmux tracks for the pane, as one string of flags.
  static let mouseFlags =
    "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}#{mouse_sgr_flag}"

  /// Stops the app with `stop`, checks the terminal is the shell's again, then `fg`.
  func suspendAndResume(_ app: AppUnderTmux, stop: () async throws -> Void) async throws {
    try await app.tmux.waitForText("Type a message")
    #expect(await app.tmux.display("#{alternate_on}") == "1")
    #expect(await app.tmux.display(Self.mouseFlags) != "0000")
    try await stop()
    try await app.tmux.waitForText("Stopped")
    #expect(await app.tmux.display("#{alternate_on}") == "0")
    #expect(await app.tmux.display(Self.mouseFlags) == "0000")
    // With bracketed paste still on, the paste would arrive wrapped in ESC [ 200 ~, which
    // the shell's terminal echoes as ^[[200~ before the text.
    await app.tmux.paste("PASTED-TEXT")
    let pasted = try await app.tmux.waitForText("PASTED-TEXT")
    #expect(pasted?.contains { $0.contains("200~") } == false)
    await app.tmux.sendKeys("C-u")
    await app.send("fg")
    try await app.tmux.waitForText("Type a message")
    #expect(await app.tmux.display("#{alternate_on}") == "1")
    #expect(await app.tmux.display(Self.mouseFlags) != "0000")
    // Still alive and answering keys.
    await app.tmux.sendKeys("F1")
    try await app.tmux.waitForText("suspend to the shell")
  }

  @Test func ctrlZSuspendsAndFgRedraws() async throws {
    let app = try await AppUnderTmux.startUnderShell(environment: home.environment)
    defer { app.removeScratch() }
    try await suspendAndResume(app) { await app.tmux.sendKeys("C-z") }
  }

  @Test func anExternalSIGTSTPSuspendsTheSameWay() async throws {
    let app = try await AppUnderTmux.startUnderShell(environment: home.environment)
    defer { app.removeScratch() }
    let pid = try #require(try await app.processID())
    try await suspendAndResume(app) { kill(pid, SIGTSTP) }
  }

  /// `/copy` of a long reply while `wl-copy` is a helper that exits at once without reading:
  /// the write to it fails (EPIPE) and the app carries on.
  @Test func aClipboardHelperThatExitsEarlyCannotKillTheApp() async throws {
    let tools = try home.root.write("#!/bin/sh\nexit 0\n", to: "bin/wl-copy", mode: 0o755)
    let store = try await home.openStore()
    let session = try await store.createSession(title: "long", agent: "assistant")
    _ = try await store.appendUserMessage(
      sessionID: session.id, content: "q", agent: "assistant", model: "openai/gpt-4o")
    var reply = try await store.startReply(
      sessionID: session.id, agent: "assistant", model: "openai/gpt-4o")
    reply.content = String(repeating: "a long line of reply text to copy\n", count: 8_000)
    reply.status = .complete
    try await store.finishReply(reply)
    let environment = home.environment.merging([
      "PATH": tools.deletingLastPathComponent().path + ":/usr/bin:/bin",
      "WAYLAND_DISPLAY": "wayland-test",
    ]) { $1 }
    let app = try await AppUnderTmux.start(
      arguments: ["--session", session.id], environment: environment)
    defer { app.removeScratch() }
    try await app.tmux.waitForText("a long line of reply text")
    await app.send("/copy")
    try await app.tmux.waitForText("Copied the reply")
    await app.tmux.sendKeys("F1")
    try await app.tmux.waitForText("suspend to the shell")
    #expect(app.file("status") == nil)
  }
}
