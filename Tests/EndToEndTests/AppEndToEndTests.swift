import Foundation
import TestSupport
import Testing

/// The full-screen app under tmux against the stub server: what a user sees and what the
/// server receives. Serialized, like the demo's tmux tests, to keep the machine's load sane.
@Suite(.serialized) struct AppEndToEndTests {
  let home: OrchatHome

  init() throws {
    try #require(TestLocale.pinUTF8())
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub, key: "sk-or-v1-e2e")
  }

  @Test func aStreamedReplyAppearsAndIsSaved() async throws {
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("scenario:slow tell me a story")
    try await app.tmux.waitForText("streaming")
    try await app.tmux.waitForText("The quick brown fox")
    // The finished reply has its header figures instead of the spinner.
    let screen = try await app.tmux.waitForScreen { screen in
      screen.contains { $0.contains("lazy dog.") } && !screen.contains { $0.contains("streaming") }
    }
    #expect(screen?.contains { $0.contains("you · ") } == true)
    #expect(screen?.contains { $0.contains("assistant · ") && $0.contains("tok") } == true)
    let store = try await home.openStore()
    let sessions = try await store.listSessions()
    #expect(sessions.count == 1)
    #expect(sessions.first?.session.title == "scenario:slow tell me a story")
  }

  @Test func slashModelChangesTheModelTheServerReceivesNext() async throws {
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("first")
    try await app.tmux.waitForText("You said: first")
    await app.send("/model openai/gpt-4o")
    try await app.tmux.waitForText("Model: openai/gpt-4o")
    await app.send("second")
    try await app.tmux.waitForText("You said: second")
    let requests = try stub.chatRequests.map { try $0.chatRequest() }
    #expect(requests.count == 2)
    #expect(requests[0].model != "openai/gpt-4o")
    #expect(requests[1].model == "openai/gpt-4o")
    // The reply is recorded with the model that made it.
    try await app.tmux.waitForText("openai/gpt-4o · ")
  }

  @Test func slashAgentChangesTheSystemPromptAndTemperatureNext() async throws {
    try home.writeAgent(
      "tester",
      """
      name = "tester"
      description = "For the end-to-end test"
      model = "openai/gpt-4o-mini"
      system_prompt = "You are the test agent."
      temperature = 0.25
      """)
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("one")
    try await app.tmux.waitForText("You said: one")
    await app.send("/agent tester")
    try await app.tmux.waitForText("Agent: tester")
    await app.send("two")
    try await app.tmux.waitForText("You said: two")
    let requests = try stub.chatRequests.map { try $0.chatRequest() }
    #expect(requests.count == 2)
    #expect(requests[0].messages.first?.content?.text != "You are the test agent.")
    #expect(requests[1].messages.first?.role == .system)
    #expect(requests[1].messages.first?.content?.text == "You are the test agent.")
    #expect(requests[1].temperature == 0.25)
    #expect(requests[1].model == "openai/gpt-4o-mini")
    // The divider marks where the agent changed.
    try await app.tmux.waitForText("switched to tester")
  }

  @Test func resizingMidStreamRewrapsCleanly() async throws {
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub), columns: 110, rows: 30)
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("scenario:slow go")
    try await app.tmux.waitForText("The quick brown")
    await app.tmux.resize(columns: 64, rows: 20)
    let screen = try await app.tmux.waitForScreen { screen in
      screen.contains { $0.contains("lazy dog.") } && !screen.contains { $0.contains("streaming") }
    }
    let lines = try #require(screen)
    // Every row fits the new width, and the side column is gone at 64 columns.
    #expect(
      lines.allSatisfy { TerminalText.columns(of: $0) <= 64 }, "\(lines.joined(separator: "\n"))")
    #expect(!lines.contains { $0.contains("Agents") })
    #expect(lines.contains { $0.hasPrefix("┌ orchat · scenario:slow go") })
    #expect(
      lines.last { !$0.isEmpty }?.hasPrefix(" assistant · ") == true,
      "\(lines.joined(separator: "\n"))")
  }

  @Test func escapeStopsTheReplyAndKeepsThePartialText() async throws {
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("scenario:slow-cancel count")
    try await app.tmux.waitForText("Counting: 1 2")
    await app.tmux.sendKeys("Escape")
    try await app.tmux.waitForText("stopped")
    let request = try #require(stub.chatRequests.first)
    #expect(await stub.waitForDisconnect(ofRequest: request.index, timeout: .seconds(5)) != nil)
    let store = try await home.openStore()
    let session = try #require(try await store.listSessions().first)
    let reply = try #require(
      try await store.transcript(sessionID: session.session.id).last?.message)
    #expect(reply.status == .cancelled)
    #expect(reply.content.hasPrefix("Counting: 1 2"))
    #expect(!reply.content.contains(" 600"))
  }

  @Test func afterARestartTheSessionBrowserReopensTheEarlierSession() async throws {
    let stub = try await StubOpenRouter.start()
    let first = try await AppUnderTmux.start(environment: environment(stub))
    defer { first.removeScratch() }
    try await first.tmux.waitForText("Type a message")
    await first.send("remember the walrus")
    try await first.tmux.waitForText("You said: remember the walrus")
    await first.send("/quit")
    #expect(try await first.waitForExit() == "exit=0")

    let second = try await AppUnderTmux.start(environment: environment(stub))
    defer { second.removeScratch() }
    try await second.tmux.waitForText("Type a message")
    await second.tmux.sendKeys("C-s")
    try await second.tmux.waitForText("Sessions ─ 1")
    await second.tmux.sendKeys("Enter")
    try await second.tmux.waitForText("You said: remember the walrus")
    try await second.tmux.waitForText("orchat · remember the walrus")
    await second.send("/quit")
    #expect(try await second.waitForExit() == "exit=0")

    // `--session last` opens it straight away.
    let third = try await AppUnderTmux.start(
      arguments: ["--session", "last"], environment: environment(stub))
    defer { third.removeScratch() }
    try await third.tmux.waitForText("You said: remember the walrus")
  }

  @Test func keyBindingsFromTheConfigApply() async throws {
    try home.writeConfig("mouse = false\n\n[keys]\nmodels = \"f2\"\n")
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.tmux.sendKeys("F2")
    try await app.tmux.waitForText("Space mark to compare")
    await app.tmux.sendKeys("Escape")
    try await app.tmux.waitForScreen { screen in
      !screen.contains { $0.contains("Space mark to compare") }
    }
    // Ctrl-O no longer opens the picker. The app reads input in order, so once the letters
    // typed after it show in the input, Ctrl-O has been handled: had it opened the picker,
    // they would be in the picker's search box instead.
    await app.tmux.sendKeys("C-o")
    await app.tmux.sendLiteral("zqx")
    let screen = try await app.tmux.waitForText("zqx")
    #expect(screen?.contains { $0.contains("Space mark to compare") } == false)
  }

  @Test func quitGivesTheTerminalBackUnchanged() async throws {
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("/quit")
    #expect(try await app.waitForExit() == "exit=0")
    let screen = try await app.tmux.waitForText("DONE")
    #expect(screen?.contains { $0.contains("┌ Message") } == false)
    #expect(app.file("before") == app.file("after"))
    #expect(app.file("before")?.isEmpty == false)
  }

  @Test func anOSC2TitleInTheReplyLeavesThePaneTitleAlone() async throws {
    let stub = try await StubOpenRouter.start()
    let app = try await AppUnderTmux.start(
      environment: environment(stub), preamble: "printf '\\033]2;before-orchat\\007';")
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    // The control: a raw OSC 2 does set the pane title in this tmux.
    #expect(await app.tmux.display("#{pane_title}") == "before-orchat")
    await app.send("scenario:escapes")
    try await app.tmux.waitForText("safe text cleared? done")
    #expect(await app.tmux.display("#{pane_title}") == "before-orchat")
    let screen = await app.tmux.capture()
    #expect(!screen.contains { $0.contains("pwned") || $0.contains("ZXZpbA") })
  }
}
